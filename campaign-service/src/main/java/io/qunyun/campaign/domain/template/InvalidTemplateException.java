package io.qunyun.campaign.domain.template;

import java.util.List;

/** A template that cannot be parsed or breaks a rule of docs/campaigns.md; nothing was stored. */
public class InvalidTemplateException extends RuntimeException {

    private final List<TemplateError> errors;

    public InvalidTemplateException(List<TemplateError> errors) {
        super(errors.size() + " template error(s): " + errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<TemplateError> errors() {
        return errors;
    }
}
