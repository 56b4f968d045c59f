package io.qunyun.campaign.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.qunyun.campaign.rules.RulesClient;
import io.qunyun.campaign.rules.RulesClient.FiveW1HDecision;
import io.qunyun.campaign.rules.RulesClient.FiveW1HQuestion;
import io.qunyun.campaign.rules.RulesClient.PositioningDecision;
import io.qunyun.campaign.rules.RulesClient.PositioningQuestion;
import io.qunyun.campaign.persistence.GroupEntity;
import io.qunyun.campaign.persistence.GroupRepository;
import io.qunyun.campaign.rest.GroupDtos.FiveW1HAnswers;
import io.qunyun.campaign.rest.GroupDtos.PositionGroupRequest;
import io.qunyun.campaign.rest.ProblemException;

/**
 * Positions a new group: rules-service decides its type (GroupPositioning table) and checks its
 * 5W1H answers (FiveW1H table); a BLOCK finding rejects the group, WARN/INFO findings are kept.
 */
@ApplicationScoped
public class GroupPositioningService {

    private static final Logger LOG = Logger.getLogger(GroupPositioningService.class);
    static final String BLOCKED_TYPE = "https://qunyun.io/problems/group-positioning-blocked";
    static final String RULES_UNAVAILABLE_TYPE = "https://qunyun.io/problems/rules-service-unavailable";

    @Inject
    @RestClient
    RulesClient rules;

    @Inject
    GroupRepository groups;

    @Inject
    io.qunyun.campaign.messaging.CampaignEvents events;

    @Inject
    java.time.Clock clock;

    /** Default zone of a group (contract); a group's own zone is data, this is only the fallback. */
    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    @Transactional
    public GroupEntity position(PositionGroupRequest request) {
        if (request.aidass().from().compareTo(request.aidass().to()) > 0) {
            throw ProblemException.badField("aidass.to", "must not come before aidass.from on the AIDASS path");
        }
        String timeZone = zoneOrDefault(request.timeZone());
        boolean screened = Boolean.TRUE.equals(request.screened());
        FiveW1HAnswers answers = request.fiveW1H() != null ? request.fiveW1H()
                : new FiveW1HAnswers(null, null, null, null, null, null);
        Integer lifecycleHours = answers.when() == null ? null : answers.when().lifecycleHours();

        PositioningDecision positioning = ask(() -> rules.positioning(
                new PositioningQuestion(request.aidass().from(), request.aidass().to(), screened)));
        FiveW1HDecision check = ask(() -> rules.fiveW1H(new FiveW1HQuestion(positioning.type(), screened,
                answers.why(), answers.what(), answers.where(), answers.who(), lifecycleHours, answers.how())));

        if (check.blocked() || positioning.type() == null) {
            throw new ProblemException(422, BLOCKED_TYPE, "Group positioning blocked",
                    "The 5W1H self-check blocked this group; nothing was stored.", null,
                    Map.of("findings", check.findings(), "firedRules", check.firedRules(),
                            "tableVersion", check.tableVersion()));
        }

        GroupEntity group = new GroupEntity();
        group.id = UUID.randomUUID();
        group.name = request.name().strip();
        group.platform = request.platform();
        group.aidassFrom = request.aidass().from();
        group.aidassTo = request.aidass().to();
        group.screened = screened;
        group.type = positioning.type();
        group.lifespanHours = positioning.lifespanHours();
        group.intensity = positioning.intensity();
        group.primaryMetric = positioning.primaryMetric();
        group.fiveW1H = new GroupEntity.FiveW1H(answers.why(), answers.what(), answers.where(), answers.who(),
                answers.when() == null ? null : answers.when().launchAt(), lifecycleHours,
                answers.how() == null ? null : answers.how().name());
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
        groups.persist(group);
        events.groupChanged(group, group.createdAt.toInstant());
        return group;
    }

    /** Changes name, zone or screening; publishes group-changes only when something changed. */
    @Transactional
    public GroupEntity change(UUID id, String name, String timeZone, Boolean screeningRequired) {
        String zone = timeZone == null ? null : zoneOrDefault(timeZone);
        GroupEntity group = get(id);
        boolean changed = false;
        if (name != null && !name.isBlank() && !name.strip().equals(group.name)) {
            group.name = name.strip();
            changed = true;
        }
        if (zone != null && !zone.equals(group.timeZone)) {
            group.timeZone = zone;
            changed = true;
        }
        if (screeningRequired != null && screeningRequired != group.screeningRequired) {
            group.screeningRequired = screeningRequired;
            changed = true;
        }
        if (changed) {
            group.updatedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            events.groupChanged(group, group.updatedAt.toInstant());
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
                throw ProblemException.badField("timeZone",
                        "must be an IANA region id such as Asia/Shanghai, not a fixed offset");
            }
            return zone.getId();
        } catch (java.time.DateTimeException e) {
            throw ProblemException.badField("timeZone", "is not a known IANA time zone id (e.g. Asia/Shanghai)");
        }
    }

    public GroupEntity get(UUID id) {
        return groups.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("group " + id));
    }

    public List<GroupEntity> list(int limit) {
        return groups.findAll(io.quarkus.panache.common.Sort.descending("createdAt")).page(0, limit).list();
    }

    private static <T> T ask(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("rules-service did not answer: %s", e.toString());
            throw new ProblemException(503, RULES_UNAVAILABLE_TYPE, "Rules service unavailable",
                    "rules-service could not decide the group's positioning; nothing was stored. Retry later.",
                    null, null);
        }
    }
}
