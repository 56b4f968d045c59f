package io.qunyun.member.domain;

import java.util.UUID;

/** The acting member is not a reviewer (a staff member with a reviewer role) of the group: 403. */
public class NotAReviewerException extends RuntimeException {

    private final String field;

    public NotAReviewerException(String field, UUID actor, UUID groupId) {
        super("member " + actor + " is not a reviewer of group " + groupId
                + " (an open staff membership with a reviewer role, e.g. CHAPTER_LEADER or OWNER)");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
