package io.qunyun.campaign.domain.template;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.qunyun.campaign.domain.template.TemplateCatalog.StoredTemplate;

/** Every stored template version, never changed once stored (a port: persistence stores them). */
public interface TemplateVersions {

    /** @return false when this version of the template was stored before (the same text: nothing new) */
    boolean insert(String templateId, String version, String title, String origin, String yaml, Instant createdAt);

    /** The newest version of each template. */
    List<StoredTemplate> latest();

    /** The versions of a template, newest first. */
    List<StoredTemplate> versions(String templateId);

    Optional<StoredTemplate> version(String templateId, String version);
}
