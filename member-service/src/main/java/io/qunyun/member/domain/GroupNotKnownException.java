package io.qunyun.member.domain;

import java.util.UUID;

/** No replica of the group (yet): campaign-service has not published it on group-changes. */
public class GroupNotKnownException extends RuntimeException {

    private final String field;

    public GroupNotKnownException(UUID groupId, String field) {
        super("group not known: " + groupId);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
