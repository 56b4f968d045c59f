package io.qunyun.member.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.qunyun.member.config.MembershipConfig;

/**
 * The community and staff roles, as data analysts extend: roles.csv in the jar, or the file named by
 * qunyun.memberships.roles-file. A staff role marks its membership as staff (never counted as a member);
 * a reviewer role lets its staff member decide applications and expel.
 */
@ApplicationScoped
public class RoleCatalogue {

    /** One line of the CSV. */
    public record Role(String code, boolean staff, boolean reviewer, String nameZh, String nameEn) {
    }

    private record Line(@JsonProperty("code") String code, @JsonProperty("staff") String staff,
            @JsonProperty("reviewer") String reviewer, @JsonProperty("name_zh") String nameZh,
            @JsonProperty("name_en") String nameEn) {
    }

    private final Map<String, Role> roles;

    RoleCatalogue(MembershipConfig config) {
        this.roles = config.rolesFile().map(RoleCatalogue::readFile).orElseGet(RoleCatalogue::readShipped);
    }

    public Optional<Role> find(String code) {
        return Optional.ofNullable(roles.get(code));
    }

    public List<Role> all() {
        return List.copyOf(roles.values());
    }

    public boolean anyStaff(Collection<String> codes) {
        return codes.stream().map(roles::get).anyMatch(role -> role != null && role.staff());
    }

    public Set<String> reviewerRoles() {
        return roles.values().stream().filter(Role::reviewer).map(Role::code).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, Role> readShipped() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("roles.csv")) {
            if (in == null) {
                throw new IllegalStateException("roles.csv is not on the classpath");
            }
            return parse(in, "roles.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Role> readFile(String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return parse(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the roles file " + file, e);
        }
    }

    /** Refuses a file the service would misread: a missing code, a flag that is not true/false, a code twice. */
    static Map<String, Role> parse(InputStream in, String source) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Map<String, Role> roles = new LinkedHashMap<>();
        try (MappingIterator<Line> lines = mapper.readerFor(Line.class).with(schema).readValues(in)) {
            int number = 1;
            while (lines.hasNext()) {
                number++;
                Line line = lines.next();
                String where = source + " line " + number + ": ";
                if (line.code() == null || !line.code().strip().matches("[A-Z][A-Z0-9_]*")) {
                    throw new IllegalStateException(where + "code must be UPPER_SNAKE_CASE, was " + line.code());
                }
                Role role = new Role(line.code().strip(), flag(line.staff(), where + "staff"),
                        flag(line.reviewer(), where + "reviewer"), line.nameZh(), line.nameEn());
                if (role.reviewer() && !role.staff()) {
                    throw new IllegalStateException(where + "a reviewer role must be a staff role");
                }
                if (roles.put(role.code(), role) != null) {
                    throw new IllegalStateException(where + "role " + role.code() + " is listed twice");
                }
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException(source + " lists no roles");
        }
        return java.util.Collections.unmodifiableMap(roles);
    }

    private static boolean flag(String value, String where) {
        if ("true".equalsIgnoreCase(value == null ? null : value.strip())) {
            return true;
        }
        if ("false".equalsIgnoreCase(value == null ? null : value.strip())) {
            return false;
        }
        throw new IllegalStateException(where + " must be true or false, was " + value);
    }
}
