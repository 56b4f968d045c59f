package io.qunyun.rules.domain.health;

/** What to do with a group (domain brief §6): first revive, else move the active members, else dissolve. */
public enum Verdict {
    OK, REVIVE, TRANSFER_ACTIVE, DISSOLVE
}
