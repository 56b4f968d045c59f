package io.qunyun.campaign.domain.lifecycle;

/**
 * A group's lifecycle (domain brief §6): active → dormant → reviving / transferring / dissolving →
 * dissolved. A revived group that GroupHealth judges OK again is active again.
 */
public enum GroupState {
    ACTIVE, DORMANT, REVIVING, TRANSFERRING, DISSOLVING, DISSOLVED;

    /** The group is being ended (or was): no other path may act on it any more. */
    public boolean ending() {
        return this == TRANSFERRING || this == DISSOLVING || this == DISSOLVED;
    }
}
