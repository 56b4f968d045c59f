package io.qunyun.member.domain;

import java.util.UUID;

public class MemberNotFoundException extends RuntimeException {

    private final UUID memberId;

    public MemberNotFoundException(UUID memberId) {
        super("No member with id " + memberId);
        this.memberId = memberId;
    }

    public UUID memberId() {
        return memberId;
    }
}
