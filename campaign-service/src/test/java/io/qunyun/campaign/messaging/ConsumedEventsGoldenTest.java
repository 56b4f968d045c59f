package io.qunyun.campaign.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validation;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.campaign.domain.lifecycle.GroupLifecycle.HealthDecision;
import io.qunyun.campaign.domain.lifecycle.GroupMetricsService.ActivityFact;
import io.qunyun.campaign.messaging.MembershipEventConsumer.MembershipEvent;
import io.qunyun.platform.events.CloudEventReader;
import io.qunyun.platform.events.InvalidEventException;

/**
 * The consumer side of the golden samples campaign-service reads (platform/events, the one copy producers are checked
 * against too): each is read field by field as docs/events.md describes, and a defect is refused with its field named.
 */
class ConsumedEventsGoldenTest {

    private final CloudEventReader reader = new CloudEventReader(new ObjectMapper().findAndRegisterModules(),
            Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory().getValidator());
    private final MembershipEventConsumer memberships = new MembershipEventConsumer(reader, null, null, null, null,
            null, null, null, null);
    private final HealthDecisionConsumer health = new HealthDecisionConsumer(reader, null);
    private final ActivityEventConsumer activities = new ActivityEventConsumer(reader, null, null, null);

    @Test
    void membershipJoinedAndEnded() throws IOException {
        MembershipEvent joined = memberships.parse(sample("membership-joined"));
        assertEquals(new MembershipEvent("6c0f1a2b-9d8e-4f7a-8b6c-5d4e3f2a1b0c", MembershipEventConsumer.JOINED,
                UUID.fromString("5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33"),
                UUID.fromString("9a1e5c7b-2d4f-4e8a-b6c3-1f0d2e3a4b5c"), Instant.parse("2026-11-21T08:20:00Z"), null,
                UUID.fromString("1f6e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"), false, "PERIPHERY",
                Instant.parse("2026-11-21T08:20:00Z")), joined);
        MembershipEvent ended = memberships.parse(sample("membership-ended"));
        assertEquals(MembershipEventConsumer.ENDED, ended.type());
        assertEquals("EXPELLED", ended.exitKind());
        assertEquals(Instant.parse("2026-11-28T21:03:11Z"), ended.occurredAt());
        MembershipEvent changed = memberships.parse(sample("membership-changed"));
        assertEquals(MembershipEventConsumer.CHANGED, changed.type());
        assertTrue(changed.layer() != null, "a changed membership carries its layer");
    }

    @Test
    void membershipDefectsNameTheField() throws IOException {
        String noMember = sample("membership-joined").replaceFirst("\"memberId\"\\s*:\\s*\"[^\"]+\",", "");
        assertEquals("invalid membership event: data.memberId is missing",
                assertThrows(InvalidEventException.class, () -> memberships.parse(noMember)).getMessage());
        String noJoinedAt = sample("membership-joined").replaceFirst("\"joinedAt\"\\s*:\\s*\"[^\"]+\",", "");
        assertEquals("invalid membership event: data.joinedAt is missing",
                assertThrows(InvalidEventException.class, () -> memberships.parse(noJoinedAt)).getMessage());
        String textStaff = sample("membership-joined").replace("\"staff\": false", "\"staff\": \"no\"");
        assertTrue(assertThrows(InvalidEventException.class, () -> memberships.parse(textStaff)).getMessage()
                .startsWith("invalid membership event: data.staff is not a boolean"));
    }

    @Test
    void groupHealthDecided() throws IOException {
        HealthDecision decision = health.parse(sample("group-health-decided"));
        assertEquals(new HealthDecision("146d8d31-c522-3c4e-8452-1d98d12aee8d",
                UUID.fromString("9a1e5c7b-2d4f-4e8a-b6c3-1f0d2e3a4b5c"), "REVIVE", "SCRIPTED_ACTIVITY",
                decision.message(), false, "H07 check-ins dropping",
                List.of("H07 check-ins dropping", "H08 quiet group", "H09 healthy"), "GroupHealth", "sha256:b1a0…"),
                decision);
        assertTrue(decision.message().startsWith("打卡率低于 20%"), decision.message());
        String unknownVerdict = sample("group-health-decided").replaceFirst("\"verdict\"\\s*:\\s*\"[A-Z_]+\"",
                "\"verdict\": \"EXPLODE\"");
        assertEquals("invalid group health decision: data.verdict is not OK, REVIVE, TRANSFER_ACTIVE or DISSOLVE",
                assertThrows(InvalidEventException.class, () -> health.parse(unknownVerdict)).getMessage());
    }

    @Test
    void activityRecordedInAGroupBecomesAFactAndOutsideAGroupNothing() throws IOException {
        assertEquals(new ActivityFact("6a0e9d2c-41b7-4f3e-8c5d-2e1f0a9b8c7d",
                UUID.fromString("9a1e5c7b-2d4f-4e8a-b6c3-1f0d2e3a4b5c"),
                UUID.fromString("5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33"), "PURCHASE",
                Instant.parse("2026-11-21T12:29:41Z"), new BigDecimal("199.5"), "CLIMAX"),
                activities.parse(bytes("activity-recorded-purchase")));
        String outside = sample("activity-recorded").replaceFirst("\"groupId\"\\s*:\\s*\"[^\"]+\",?", "");
        assertNull(activities.parse(outside.getBytes(StandardCharsets.UTF_8)));
        String corrected = sample("activity-recorded").replace("activity.recorded.v1", "activity.corrected.v1");
        assertNull(activities.parse(corrected.getBytes(StandardCharsets.UTF_8)), "another type is not read");
    }

    private static String sample(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = ConsumedEventsGoldenTest.class.getResourceAsStream("/events/" + name + ".json")) {
            return in.readAllBytes();
        }
    }
}
