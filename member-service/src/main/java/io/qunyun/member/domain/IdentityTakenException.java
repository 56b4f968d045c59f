package io.qunyun.member.domain;

public class IdentityTakenException extends RuntimeException {

    public IdentityTakenException(String sourceSystem, String externalId) {
        super("Identity " + externalId + " of " + sourceSystem + " already belongs to a member");
    }
}
