package io.qunyun.campaign.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import io.qunyun.campaign.domain.audit.AuditActions;
import io.qunyun.campaign.domain.CampaignRules.FiveW1HDecision;
import io.qunyun.campaign.domain.CampaignRules.FiveW1HQuestion;
import io.qunyun.campaign.domain.CampaignRules.PositioningDecision;
import io.qunyun.campaign.domain.CampaignRules.PositioningQuestion;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.platform.audit.AuditLog;

/**
 * Positions a new group: rules-service decides its type (GroupPositioning table) and checks its
 * 5W1H answers (FiveW1H table); a BLOCK finding rejects the group, WARN/INFO findings are kept.
 */
@ApplicationScoped
public class GroupPositioningService {

    @Inject
    CampaignRules rules;

    @Inject
    Groups groups;

    @Inject
    GroupChanges events;

    @Inject
    java.time.Clock clock;

    @Inject
    AuditLog audit;

    /** Default zone of a group (contract); a group's own zone is data, this is only the fallback. */
    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    @Transactional
    public GroupEntity position(NewGroup request) {
        if (request.aidassFrom().compareTo(request.aidassTo()) > 0) {
            throw RequestRefusedException.badField("aidass.to", "must not come before aidass.from on the AIDASS path");
        }
        String timeZone = zoneOrDefault(request.timeZone());
        boolean screened = Boolean.TRUE.equals(request.screened());
        Integer lifecycleHours = request.lifecycleHours();

        PositioningDecision positioning = ask(() -> rules.positioning(
                new PositioningQuestion(request.aidassFrom(), request.aidassTo(), screened)));
        FiveW1HDecision check = ask(() -> rules.fiveW1H(new FiveW1HQuestion(positioning.type(), screened,
                request.why(), request.what(), request.where(), request.who(), lifecycleHours, request.how())));

        if (check.blocked() || positioning.type() == null) {
            throw new PositioningBlockedException(check.findings(), check.firedRules(), check.tableVersion());
        }

        GroupEntity group = new GroupEntity();
        group.id = UUID.randomUUID();
        group.name = request.name().strip();
        group.platform = request.platform();
        group.aidassFrom = request.aidassFrom();
        group.aidassTo = request.aidassTo();
        group.screened = screened;
        group.type = positioning.type();
        group.lifespanHours = positioning.lifespanHours();
        group.intensity = positioning.intensity();
        group.primaryMetric = positioning.primaryMetric();
        group.fiveW1H = new GroupEntity.FiveW1H(request.why(), request.what(), request.where(), request.who(),
                request.launchAt(), lifecycleHours, request.how() == null ? null : request.how().name());
        group.findings = check.findings();
        group.positioningDecision = new GroupEntity.DecisionTrace(positioning.table(), positioning.tableVersion(),
                positioning.firedRules());
        group.fiveW1HDecision = new GroupEntity.DecisionTrace(check.table(), check.tableVersion(),
                check.firedRules());
        // Microseconds: what PostgreSQL keeps, so the response equals a later read.
        group.createdAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        group.updatedAt = group.createdAt;
        group.timeZone = timeZone;
        group.screeningRequired = request.screeningRequired() != null ? request.screeningRequired() : screened;
        group.state = "ACTIVE";
        groups.add(group);
        events.groupChanged(group, group.createdAt.toInstant());
        audit.record(AuditActions.GROUP_CREATED, group.id, AuditLog.detail("name", group.name, "platform", group.platform,
                "type", group.type, "timeZone", group.timeZone, "screeningRequired", group.screeningRequired,
                "positioningTableVersion", positioning.tableVersion(), "fiveW1HTableVersion", check.tableVersion()));
        return group;
    }

    /** Changes name, zone or screening; publishes group-changes only when something changed. */
    @Transactional
    public GroupEntity change(UUID id, String name, String timeZone, Boolean screeningRequired) {
        String zone = timeZone == null ? null : zoneOrDefault(timeZone);
        GroupEntity group = get(id);
        // what changed, from → to, for the audit entry
        java.util.Map<String, Object> changes = new java.util.LinkedHashMap<>();
        if (name != null && !name.isBlank() && !name.strip().equals(group.name)) {
            changes.put("name", java.util.Arrays.asList(group.name, name.strip()));
            group.name = name.strip();
        }
        if (zone != null && !zone.equals(group.timeZone)) {
            changes.put("timeZone", java.util.Arrays.asList(group.timeZone, zone));
            group.timeZone = zone;
        }
        if (screeningRequired != null && screeningRequired != group.screeningRequired) {
            changes.put("screeningRequired", java.util.Arrays.asList(group.screeningRequired, screeningRequired));
            group.screeningRequired = screeningRequired;
        }
        if (!changes.isEmpty()) {
            group.updatedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            events.groupChanged(group, group.updatedAt.toInstant());
            audit.record(AuditActions.GROUP_UPDATED, group.id, changes);
        }
        return group;
    }

    /** A region id (Europe/Berlin), never a fixed offset: offsets do not follow daylight saving. */
    static String zoneOrDefault(String timeZone) {
        if (timeZone == null) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            java.time.ZoneId zone = java.time.ZoneId.of(timeZone.strip());
            if (zone instanceof ZoneOffset || zone.getId().matches("(UTC|GMT|UT)[+-].*")) {
                throw RequestRefusedException.badField("timeZone",
                        "must be an IANA region id such as Asia/Shanghai, not a fixed offset");
            }
            return zone.getId();
        } catch (java.time.DateTimeException e) {
            throw RequestRefusedException.badField("timeZone", "is not a known IANA time zone id (e.g. Asia/Shanghai)");
        }
    }

    public GroupEntity get(UUID id) {
        return groups.find(id).orElseThrow(() -> RequestRefusedException.notFound("group " + id));
    }

    public List<GroupEntity> list(int limit) {
        return groups.newest(limit);
    }

    private static <T> T ask(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RequestRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new io.qunyun.campaign.domain.DependencyUnavailableException("rules-service",
                    "rules-service could not decide the group's positioning (" + e + "); nothing was stored");
        }
    }
}
