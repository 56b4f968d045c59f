package io.qunyun.campaign.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.campaign.domain.template.TemplateCatalog.StoredTemplate;
import io.qunyun.campaign.domain.template.TemplateVersions;

/** Template versions (table template_version), in plain JDBC; every method runs in the caller's transaction. */
@ApplicationScoped
public class TemplateStore implements TemplateVersions {

    private static final String COLUMNS = "template_id, version, title, origin, created_at, yaml";

    private final Jdbc jdbc;

    TemplateStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(String templateId, String version, String title, String origin, String yaml,
            Instant createdAt) {
        return jdbc.update("""
                INSERT INTO template_version (template_id, version, title, origin, yaml, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (template_id, version) DO NOTHING""", templateId, version, title,
                origin, yaml, createdAt) == 1;
    }

    @Override
    public List<StoredTemplate> latest() {
        return jdbc.query("SELECT DISTINCT ON (template_id) " + COLUMNS
                + " FROM template_version ORDER BY template_id, seq DESC", TemplateStore::stored);
    }

    @Override
    public List<StoredTemplate> versions(String templateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM template_version WHERE template_id = ? ORDER BY seq DESC",
                TemplateStore::stored, templateId);
    }

    @Override
    public Optional<StoredTemplate> version(String templateId, String version) {
        return jdbc.one("SELECT " + COLUMNS + " FROM template_version WHERE template_id = ? AND version = ?",
                TemplateStore::stored, templateId, version);
    }

    private static StoredTemplate stored(ResultSet rs) throws SQLException {
        return new StoredTemplate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Jdbc.instant(rs, "created_at"), rs.getString(6));
    }
}
