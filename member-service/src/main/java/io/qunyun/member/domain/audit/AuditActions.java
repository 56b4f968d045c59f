package io.qunyun.member.domain.audit;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.inject.Singleton;

import io.qunyun.platform.audit.AuditVocabulary;

/**
 * The actions member-service records, as stable names {@code <target type>.<what happened>} (clients filter
 * on them: rename none, only add). The target of an entry is of the action's first word.
 */
@Singleton
public final class AuditActions implements AuditVocabulary {

    /** A member applied to a screening group, or an invitation into one became an application (target: the application). */
    public static final String ADMISSION_APPLIED = "admission.applied";
    /** A reviewer approved an application; the membership opened with it (target: the application). */
    public static final String ADMISSION_APPROVED = "admission.approved";
    /** A reviewer rejected an application, with a reason (target: the application). */
    public static final String ADMISSION_REJECTED = "admission.rejected";
    /** A member joined directly, by invitation or as staff (target: the membership). */
    public static final String MEMBERSHIP_JOINED = "membership.joined";
    /** A member left a group, with or without a reason (target: the membership). */
    public static final String MEMBERSHIP_EXITED = "membership.exited";
    /** A member was expelled from a group by a reviewer or by a Rewards decision (target: the member). */
    public static final String MEMBER_EXPELLED = "member.expelled";
    /** Every open membership of a dissolved or transferred group was ended (target: the group). */
    public static final String GROUP_CLOSED = "group.closed";
    /** A member redeemed points for a reward (target: the redemption). */
    public static final String REDEMPTION_MADE = "redemption.made";
    /** A reward was added to the catalogue (target: the reward). */
    public static final String REWARD_CREATED = "reward.created";

    public static final SortedSet<String> ALL = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
            ADMISSION_APPLIED, ADMISSION_APPROVED, ADMISSION_REJECTED, MEMBERSHIP_JOINED, MEMBERSHIP_EXITED,
            MEMBER_EXPELLED, GROUP_CLOSED, REDEMPTION_MADE, REWARD_CREATED)));

    AuditActions() {
        // a bean (the service's AuditVocabulary); the names are used as constants
    }

    @Override
    public SortedSet<String> actions() {
        return ALL;
    }
}
