package io.qunyun.campaign.domain.template;

/**
 * One defect of a template: {@code field} is a path such as {@code steps[4].at}; {@code step} names
 * the step's id when the defect is inside a step, so analysts find the row without counting.
 */
public record TemplateError(String field, String step, String message) {
}
