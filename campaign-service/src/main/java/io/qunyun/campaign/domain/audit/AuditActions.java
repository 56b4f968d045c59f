package io.qunyun.campaign.domain.audit;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.inject.Singleton;

import io.qunyun.platform.audit.AuditVocabulary;

/**
 * The actions campaign-service records, as stable names {@code <target type>.<what happened>} (clients filter
 * on them: rename none, only add). The target of an entry is of the action's first word.
 */
@Singleton
public final class AuditActions implements AuditVocabulary {

    /** A group was positioned and created (target: the group). */
    public static final String GROUP_CREATED = "group.created";
    /** A group's name, time zone or screening changed (target: the group). */
    public static final String GROUP_UPDATED = "group.updated";
    /** A group's successor was set or replaced (target: the group). */
    public static final String GROUP_SUCCESSOR_LINKED = "group.successor-linked";
    /** A group's successor link was removed (target: the group). */
    public static final String GROUP_SUCCESSOR_UNLINKED = "group.successor-unlinked";
    /** GroupHealth judged a dormant or reviving group OK again (target: the group). */
    public static final String GROUP_REACTIVATED = "group.reactivated";
    /** A revive action started on GroupHealth's REVIVE verdict: revive task, state REVIVING (target: the group). */
    public static final String GROUP_REVIVE_STARTED = "group.revive-started";
    /** A transfer of the active members to the successor group started (target: the group). */
    public static final String GROUP_TRANSFER_STARTED = "group.transfer-started";
    /** A dissolution started: goodbye task, state DISSOLVING (target: the group). */
    public static final String GROUP_DISSOLUTION_STARTED = "group.dissolution-started";
    /** A lifecycle verdict was recorded as skipped, with the reason (target: the group). */
    public static final String GROUP_LIFECYCLE_SKIPPED = "group.lifecycle-skipped";
    /** A transfer finished: the group's memberships were closed as TRANSFERRED (target: the group). */
    public static final String GROUP_TRANSFERRED = "group.transferred";
    /** A dissolution finished: the group's memberships were closed (target: the group). */
    public static final String GROUP_DISSOLVED = "group.dissolved";
    /** A template was started on groups (target: the campaign). */
    public static final String CAMPAIGN_STARTED = "campaign.started";
    /** A campaign was paused (target: the campaign). */
    public static final String CAMPAIGN_PAUSED = "campaign.paused";
    /** A campaign was resumed (target: the campaign). */
    public static final String CAMPAIGN_RESUMED = "campaign.resumed";
    /** A campaign was cancelled (target: the campaign). */
    public static final String CAMPAIGN_CANCELLED = "campaign.cancelled";
    /** The scheduler ended a campaign: every group reached its last phase (target: the campaign). */
    public static final String CAMPAIGN_COMPLETED = "campaign.completed";
    /** A new template version was uploaded (target: the template id; the version in the detail). */
    public static final String TEMPLATE_UPLOADED = "template.uploaded";
    /** A built-in template version shipped with a release was stored at startup (target: the template id). */
    public static final String TEMPLATE_RELEASED = "template.released";

    public static final SortedSet<String> ALL = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
            GROUP_CREATED, GROUP_UPDATED, GROUP_SUCCESSOR_LINKED, GROUP_SUCCESSOR_UNLINKED, GROUP_REACTIVATED,
            GROUP_REVIVE_STARTED, GROUP_TRANSFER_STARTED, GROUP_DISSOLUTION_STARTED, GROUP_LIFECYCLE_SKIPPED,
            GROUP_TRANSFERRED, GROUP_DISSOLVED, CAMPAIGN_STARTED, CAMPAIGN_PAUSED, CAMPAIGN_RESUMED,
            CAMPAIGN_CANCELLED, CAMPAIGN_COMPLETED, TEMPLATE_UPLOADED, TEMPLATE_RELEASED)));

    AuditActions() {
        // a bean (the service's AuditVocabulary); the names are used as constants
    }

    @Override
    public SortedSet<String> actions() {
        return ALL;
    }
}
