package io.qunyun.member.domain;

/** rules-service did not answer (down, timing out): the request is refused with 503, nothing written. */
public class RulesUnavailableException extends RuntimeException {

    public RulesUnavailableException(String what, Throwable cause) {
        super("rules-service could not decide " + what + "; nothing was changed. Retry later.", cause);
    }
}
