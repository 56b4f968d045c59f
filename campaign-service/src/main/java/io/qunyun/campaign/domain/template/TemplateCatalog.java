package io.qunyun.campaign.domain.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    private final TemplateVersions versions;
    private final TemplateParser parser;
    private final Clock clock;
    private final AuditLog audit;
    // Parsed versions never change (content-addressed), so caching them is always correct.
    private final ConcurrentHashMap<String, Template> parsed = new ConcurrentHashMap<>();

    TemplateCatalog(TemplateVersions versions, TemplateParser parser, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.versions = versions;
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
        return versions.latest();
    }

    @Transactional
    public List<StoredTemplate> versions(String id) {
        return versions.versions(id);
    }

    /** A version, or the newest when {@code version} is null. */
    @Transactional
    public Optional<StoredTemplate> find(String id, String version) {
        return version == null ? versions.versions(id).stream().findFirst() : versions.version(id, version);
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
        boolean inserted = versions.insert(template.id(), version, template.title(), origin, yaml, now);
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
