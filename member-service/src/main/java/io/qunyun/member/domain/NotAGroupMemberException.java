package io.qunyun.member.domain;

/**
 * An activity names a group its member held no membership of when it happened (an unknown group, a group never
 * joined, a membership that had ended): 422 naming {@code groupId}. Credited, it would earn the in-group rate
 * (Rewards R02) for a group the member is not in (issue 23). A kind of invalid request, so that a batch of
 * single requests answers it to its own caller only (ActivityIntake).
 */
public class NotAGroupMemberException extends InvalidRequestException {

    public NotAGroupMemberException(String field, String message) {
        super(field, message);
    }
}
