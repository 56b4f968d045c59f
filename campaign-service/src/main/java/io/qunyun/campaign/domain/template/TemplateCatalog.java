package io.qunyun.campaign.domain.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;
import io.qunyun.platform.audit.Actor;
import io.qunyun.campaign.domain.audit.AuditActions;
import io.qunyun.platform.audit.AuditLog;

/**
 * Every template version ever stored, content-addressed: the version is the sha256 of the YAML
 * text, so the same text is the same version on every instance, and a campaign that started on a
 * version keeps reading exactly that text. The built-in templates (resources/templates) are stored
 * at startup.
 */
@ApplicationScoped
public class TemplateCatalog {

    public static final String BUILT_IN = "BUILT_IN";
    public static final String UPLOADED = "UPLOADED";

    private final DataSource db;
    private final TemplateParser parser;
    private final Clock clock;
    private final AuditLog audit;
    // Parsed versions never change (content-addressed), so caching them is always correct.
    private final ConcurrentHashMap<String, Template> parsed = new ConcurrentHashMap<>();

    TemplateCatalog(DataSource db, TemplateParser parser, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.parser = parser;
        this.clock = clock;
    }

    public record StoredTemplate(String id, String version, String title, String origin, Instant createdAt,
            String yaml) {
    }

    @Transactional
    void storeBuiltIns(@Observes StartupEvent start) {
        for (String file : builtInFiles()) {
            String yaml = resource("templates/" + file);
            // A broken built-in must stop the service: it is shipped, not user input.
            store(parser.parseNew(yaml), yaml, BUILT_IN);
        }
    }

    /** Parses, validates and stores; storing the same text again returns the existing version. */
    @Transactional
    public StoredTemplate upload(String yaml) {
        return store(parser.parseNew(yaml), yaml, UPLOADED);
    }

    public Template validate(String yaml) {
        return parser.parseNew(yaml);
    }

    /** The newest version of each template. */
    @Transactional
    public List<StoredTemplate> latest() {
        return query("""
                SELECT DISTINCT ON (template_id) template_id, version, title, origin, created_at, yaml
                FROM template_version ORDER BY template_id, seq DESC""");
    }

    @Transactional
    public List<StoredTemplate> versions(String id) {
        return query("SELECT template_id, version, title, origin, created_at, yaml FROM template_version "
                + "WHERE template_id = ? ORDER BY seq DESC", id);
    }

    /** A version, or the newest when {@code version} is null. */
    @Transactional
    public Optional<StoredTemplate> find(String id, String version) {
        List<StoredTemplate> found = version == null ? versions(id)
                : query("SELECT template_id, version, title, origin, created_at, yaml FROM template_version "
                        + "WHERE template_id = ? AND version = ?", id, version);
        return found.stream().findFirst();
    }

    public Template parsed(StoredTemplate stored) {
        return parsed.computeIfAbsent(stored.id() + "@" + stored.version(), k -> parser.parse(stored.yaml()));
    }

    public static String versionOf(String yaml) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoredTemplate store(Template template, String yaml, String origin) {
        String version = versionOf(yaml);
        Instant now = clock.instant();
        boolean inserted;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO template_version (template_id, version, title, origin, yaml, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (template_id, version) DO NOTHING""")) {
            ps.setString(1, template.id());
            ps.setString(2, version);
            ps.setString(3, template.title());
            ps.setString(4, origin);
            ps.setString(5, yaml);
            ps.setTimestamp(6, Timestamp.from(now));
            inserted = ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store template " + template.id(), e);
        }
        if (inserted) { // the same text again is the same version: nothing new, nothing recorded
            Map<String, Object> detail = AuditLog.detail("version", version, "title", template.title());
            if (BUILT_IN.equals(origin)) {
                audit.record(Actor.startup("built-in templates"), AuditActions.TEMPLATE_RELEASED, template.id(), detail);
            } else {
                audit.record(AuditActions.TEMPLATE_UPLOADED, template.id(), detail);
            }
        }
        return find(template.id(), version).orElseThrow();
    }

    private List<StoredTemplate> query(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<StoredTemplate> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredTemplate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getString(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read templates", e);
        }
    }

    static List<String> builtInFiles() {
        return resource("templates/index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
