package io.qunyun.campaign.domain.template;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * YAML text → {@link Template}, then {@link TemplateValidator}. Jackson YAML does the parsing
 * (unknown keys, wrong types and bad times are reported with their path and line); the validator
 * checks what types cannot express.
 */
@ApplicationScoped
public class TemplateParser {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /**
     * A template analysts upload (or one shipped in the jar): as {@link #parse}, and without the
     * scheduling numbers of old versions, which the SchedulePolicy decision table owns now.
     */
    public Template parseNew(String text) {
        Template template = parse(text);
        try {
            if (yaml.readTree(text).has("policy")) {
                throw new InvalidTemplateException(List.of(new TemplateError("policy", null,
                        "is no longer part of a template: quiet hours, contact caps, platform limits and 1:1 layers come "
                                + "from the SchedulePolicy decision table in rules-service; remove this block")));
            }
        } catch (JacksonException e) {
            throw new IllegalStateException("parsed once already", e);
        }
        return template;
    }

    /** @throws InvalidTemplateException naming the field (and step) of every defect found */
    public Template parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidTemplateException(List.of(new TemplateError("body", null, "is empty")));
        }
        Template template;
        try {
            template = yaml.readValue(text, Template.class);
        } catch (JsonMappingException e) {
            String field = pathOf(e);
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new InvalidTemplateException(List.of(new TemplateError(field.isEmpty() ? "body" : field, null,
                    "has an invalid value" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""))));
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InvalidTemplateException(List.of(new TemplateError("body", null, "is not valid YAML" + where)));
        }
        if (template == null) {
            throw new InvalidTemplateException(List.of(new TemplateError("body", null, "is empty")));
        }
        List<TemplateError> errors = TemplateValidator.validate(template);
        if (!errors.isEmpty()) {
            throw new InvalidTemplateException(errors);
        }
        return template;
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
