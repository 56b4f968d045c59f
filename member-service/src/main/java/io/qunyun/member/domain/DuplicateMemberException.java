package io.qunyun.member.domain;

import java.util.UUID;

/** The source system's id is already registered: callers should use the existing member. */
public class DuplicateMemberException extends RuntimeException {

    private final UUID existingMemberId;

    public DuplicateMemberException(String sourceSystem, String externalId, UUID existingMemberId) {
        super("Member " + externalId + " of " + sourceSystem + " already exists with id " + existingMemberId);
        this.existingMemberId = existingMemberId;
    }

    public UUID existingMemberId() {
        return existingMemberId;
    }
}
