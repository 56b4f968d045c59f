package io.qunyun.campaign.domain.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;


import io.qunyun.campaign.domain.CampaignRules;
import io.qunyun.campaign.domain.CampaignRules.MetricDefinitionQuestion;
import io.qunyun.campaign.domain.CampaignRules.MetricDefinitions;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.Groups;
import io.qunyun.campaign.domain.campaign.Campaigns;
import io.qunyun.campaign.domain.lifecycle.GroupFacts.FactCounts;

/**
 * Group metrics per local day (the group's zone), computed from the facts stored once per event id,
 * so a redelivered event changes nothing and a late one counts on its own day. The window report is
 * published on group-metrics (rules-service decides GroupHealth from it).
 */
@ApplicationScoped
public class GroupMetricsService {

    private static final Logger LOG = Logger.getLogger(GroupMetricsService.class);
    /** The zone of a group campaign-service does not know (yet): the contract's default zone. */
    private static final String DEFAULT_ZONE = "Asia/Shanghai";

    private final GroupFacts facts;
    private final Roster roster;
    private final Campaigns campaigns;
    private final MetricsReports reports;
    private final Groups groups;
    private final CampaignRules rules;
    private final GroupLifecycleEvents events;
    private final Clock clock;

    GroupMetricsService(GroupFacts facts, Roster roster, Campaigns campaigns, MetricsReports reports, Groups groups,
            CampaignRules rules, GroupLifecycleEvents events, Clock clock) {
        this.facts = facts;
        this.roster = roster;
        this.campaigns = campaigns;
        this.reports = reports;
        this.groups = groups;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    /** rules-service could not say how to count (MetricDefinitions): nothing is computed, nothing changes. */
    public static class DefinitionsUnavailableException extends RuntimeException {
        DefinitionsUnavailableException(Throwable cause) {
            super("rules-service did not answer the MetricDefinitions question: " + cause.getMessage(), cause);
        }

        DefinitionsUnavailableException(String message) {
            super(message);
        }
    }

    /**
     * What the metrics count for this group, from the MetricDefinitions table (window, active, converted).
     * An answer without the active or converted types (an empty body, a stub, a rules-service that does
     * not know the question) does not say how to count either: every row of the table must set both
     * (rules-service refuses a row without them), so a missing list is not "no type" but no answer.
     * Counting nobody as active would report a healthy group as dead to GroupHealth, whose verdicts
     * transfer and dissolve groups; so it is refused like an unreachable rules-service.
     */
    public MetricDefinitions definitions(GroupEntity group) {
        long ageHours = Math.max(0, Duration.between(group.createdAt.toInstant(), clock.instant()).toHours());
        MetricDefinitions d;
        try {
            d = rules.metricDefinitions(new MetricDefinitionQuestion(group.type, (int) Math.min(ageHours,
                    Integer.MAX_VALUE)));
        } catch (RuntimeException e) {
            throw new DefinitionsUnavailableException(e);
        }
        if (d == null || d.activeTypes() == null || d.convertedTypes() == null) {
            throw new DefinitionsUnavailableException("rules-service answered the MetricDefinitions question without "
                    + (d == null ? "a body" : d.activeTypes() == null ? "activeTypes" : "convertedTypes"));
        }
        return d;
    }

    /** An activity in a group (member-activities). */
    public record ActivityFact(String eventId, UUID groupId, UUID memberId, String type, Instant occurredAt,
            BigDecimal amount, String campaignPhase) {
    }

    /**
     * The activities of one poll of member-activities, stored in one transaction (its own: the consumer
     * retries it as a whole while the database is away) with one statement for the zones of their groups
     * and one for the facts. An event id seen twice in the poll is stored once, as on a redelivery.
     *
     * @return facts stored now; the others were counted before
     */
    @Transactional
    public int recordActivities(List<ActivityFact> facts) {
        Map<String, ActivityFact> once = new LinkedHashMap<>();
        for (ActivityFact f : facts) {
            once.putIfAbsent(f.eventId(), f);
        }
        Map<UUID, String> known = groups.zones(once.values().stream().map(ActivityFact::groupId).distinct().toList());
        Map<UUID, ZoneId> zones = new HashMap<>();
        List<GroupFacts.ActivityRow> rows = new ArrayList<>(once.size());
        for (ActivityFact f : once.values()) {
            ZoneId zone = zones.computeIfAbsent(f.groupId(), g -> ZoneId.of(known.getOrDefault(g, DEFAULT_ZONE)));
            rows.add(new GroupFacts.ActivityRow(f.eventId(), f.groupId(), f.memberId(), f.type(), f.occurredAt(),
                    f.occurredAt().atZone(zone).toLocalDate(), f.amount(), f.campaignPhase()));
        }
        return this.facts.recordActivities(rows, clock.instant());
    }

    /** A join or an exit (kind JOINED or LEFT) from membership-events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordMembership(String eventId, UUID groupId, UUID memberId, String kind, boolean staff,
            Instant at) {
        return facts.recordFact(eventId, groupId, memberId, kind, staff, at, localDay(groupId, at), null, null,
                clock.instant());
    }

    private LocalDate localDay(UUID groupId, Instant at) {
        return at.atZone(zone(groupId)).toLocalDate();
    }

    private ZoneId zone(UUID groupId) {
        GroupEntity g = groups.group(groupId);
        return g == null ? ZoneId.of(DEFAULT_ZONE) : g.zone();
    }

    /** One local day of a group. Ratios are null on a day without members. */
    public record DailyMetrics(LocalDate day, long members, long messages, long activeMembers,
            BigDecimal activeMemberRatio, long checkIns, BigDecimal checkInRate, long conversions, BigDecimal revenue,
            long joins, long exits, BigDecimal spamRate) {
    }

    public List<DailyMetrics> daily(GroupEntity group, MetricDefinitions d, LocalDate from, LocalDate to) {
        Map<LocalDate, FactCounts> byDay = new HashMap<>();
        for (FactCounts c : facts.daily(group.id, from, to, active(d), converted(d))) {
            byDay.put(c.day(), c);
        }
        List<DailyMetrics> out = new ArrayList<>();
        for (long[] row : roster.membersPerDay(group.id, group.timeZone, from, to)) {
            LocalDate day = from.plusDays(row[0]);
            long members = row[1];
            FactCounts c = byDay.getOrDefault(day, new FactCounts(day, null, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, 0));
            out.add(new DailyMetrics(day, members, c.interactions(), c.activeMembers(),
                    ratio(c.activeMembers(), members), c.checkIns(), ratio(c.checkIns(), members), c.purchases(),
                    c.revenue(), c.joins(), c.exits(), ratio(c.spam(), c.activities())));
        }
        return out;
    }

    /** A window of local days ending with {@code last}, as reported on group-metrics. */
    public record WindowMetrics(UUID groupId, String groupType, String primaryMetric, LocalDate from, LocalDate to,
            long members, double messagesPerDay, double activeMemberRatio, double checkInRate, long conversions,
            BigDecimal revenue, long joins, long exits, double spamRate, long ageHours, Integer lifespanHours,
            Long campaignAgeHours) {
    }

    public WindowMetrics window(GroupEntity group, LocalDate last, Instant now) {
        MetricDefinitions d = definitions(group);
        // The window never reaches back before the group existed: days it did not exist are not quiet days.
        LocalDate created = group.createdAt.toInstant().atZone(group.zone()).toLocalDate();
        LocalDate first = last.minusDays(Math.max(1, d.windowDays()) - 1L);
        if (first.isBefore(created)) {
            first = created.isAfter(last) ? last : created;
        }
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
        FactCounts c = facts.span(group.id, first, last, active(d), converted(d));
        List<long[]> members = roster.membersPerDay(group.id, group.timeZone, first, last);
        long memberDays = members.stream().mapToLong(r -> r[1]).sum();
        long membersAtEnd = members.isEmpty() ? 0 : members.get(members.size() - 1)[1];
        long ageHours = Math.max(0, Duration.between(group.createdAt.toInstant(), now).toHours());
        // GroupHealth judges a campaign by its own age, not only the group's (a camp that started yesterday)
        Long campaignAgeHours = campaigns.runningCampaignStart(group.id)
                .map(start -> Math.max(0, Duration.between(start, now).toHours())).orElse(null);
        return new WindowMetrics(group.id, group.type, group.primaryMetric, first, last, membersAtEnd,
                (double) c.interactions() / days, value(ratio(c.activeMembers(), membersAtEnd)),
                value(ratio(c.checkIns(), memberDays)), c.purchases(), c.revenue(), c.joins(), c.exits(),
                value(ratio(c.spam(), c.activities())), ageHours, group.lifespanHours, campaignAgeHours);
    }

    /**
     * Publishes the window report of each group's last closed local day, once per group and day
     * (the event id is derived from both, so a second instance's report is the same event).
     */
    @Transactional
    public int reportClosedDays() {
        Instant now = clock.instant();
        int reported = 0;
        for (UUID id : groups.reportableGroups()) {
            GroupEntity group = groups.group(id);
            LocalDate created = group.createdAt.toInstant().atZone(group.zone()).toLocalDate();
            LocalDate last = now.atZone(group.zone()).toLocalDate().minusDays(1);
            if (last.isBefore(created)) {
                continue;
            }
            UUID eventId = UUID.nameUUIDFromBytes(("group-metrics:" + id + ":" + last)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (reports.markReported(id, last, eventId, now)) {
                events.metricsReported(eventId, window(group, last, now), now);
                reported++;
            }
        }
        if (reported > 0) {
            LOG.debugf("reported metrics of %d groups", reported);
        }
        return reported;
    }

    /**
     * The named metrics of a span of local days (campaign metrics: north-star and related metrics).
     * Rates use the members at the end of the span; unknown names are left out.
     */
    public java.util.Map<String, BigDecimal> named(GroupEntity group, MetricDefinitions d, LocalDate from,
            LocalDate to) {
        FactCounts c = facts.span(group.id, from, to, active(d), converted(d));
        List<long[]> members = roster.membersPerDay(group.id, group.timeZone, from, to);
        long memberDays = members.stream().mapToLong(r -> r[1]).sum();
        long atEnd = members.isEmpty() ? 0 : members.get(members.size() - 1)[1];
        long days = members.size();
        java.util.Map<String, BigDecimal> out = new java.util.TreeMap<>();
        out.put("members", BigDecimal.valueOf(atEnd));
        out.put("active_members", BigDecimal.valueOf(c.activeMembers()));
        out.put("converted_members", BigDecimal.valueOf(c.convertedMembers()));
        putRatio(out, "paid_conversion_rate", c.convertedMembers(), atEnd);
        putRatio(out, "conversion_rate", c.convertedMembers(), atEnd);
        putRatio(out, "active_member_ratio", c.activeMembers(), atEnd);
        putRatio(out, "check_in_rate", c.checkIns(), memberDays);
        putRatio(out, "spam_rate", c.spam(), c.activities());
        out.put("conversions", BigDecimal.valueOf(c.purchases()));
        out.put("revenue", c.revenue());
        out.put("share_count", BigDecimal.valueOf(c.shares()));
        out.put("check_ins", BigDecimal.valueOf(c.checkIns()));
        out.put("joins", BigDecimal.valueOf(c.joins()));
        out.put("exits", BigDecimal.valueOf(c.exits()));
        out.put("messages_per_day", days == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(c.interactions()).divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_UP));
        return out;
    }

    /** Per campaign phase as member-service stamped it on each activity. */
    public List<FactCounts> byPhase(GroupEntity group, MetricDefinitions d, LocalDate from, LocalDate to) {
        return facts.byPhase(group.id, from, to, active(d), converted(d));
    }

    private static void putRatio(java.util.Map<String, BigDecimal> out, String name, long part, long whole) {
        BigDecimal r = ratio(part, whole);
        if (r != null) {
            out.put(name, r);
        }
    }

    private static String[] active(MetricDefinitions d) {
        return d.activeTypes().toArray(String[]::new);
    }

    private static String[] converted(MetricDefinitions d) {
        return d.convertedTypes().toArray(String[]::new);
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static double value(BigDecimal ratio) {
        return ratio == null ? 0.0 : Math.min(1.0, ratio.doubleValue());
    }
}
