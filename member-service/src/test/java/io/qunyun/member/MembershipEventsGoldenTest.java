package io.qunyun.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.member.domain.ActivityState;
import io.qunyun.member.domain.AdmissionPath;
import io.qunyun.member.domain.CircleLayer;
import io.qunyun.member.domain.ExitKind;
import io.qunyun.member.domain.RelationshipStage;
import io.qunyun.platform.events.MembershipChanged;
import io.qunyun.member.messaging.MembershipEvents;
import io.qunyun.platform.messaging.OutboxMessage;
import io.qunyun.member.domain.Membership;

/**
 * The records the outbox stores for membership-events and member-stage-changes have exactly the fields
 * (and constant values) of the documented samples in docs/events.md (src/test/resources/events).
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class MembershipEventsGoldenTest {

    @Inject
    MembershipEvents events;

    @Inject
    ObjectMapper json;

    @ParameterizedTest
    @ValueSource(strings = { "membership-joined", "membership-ended", "membership-changed", "stage-changed" })
    void theRecordHasTheGoldenSamplesFields(String sample) throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/events/" + sample + ".json")) {
            golden = json.readTree(in);
        }
        Membership m = membership();
        Instant at = Instant.parse("2026-12-01T00:00:05Z");
        OutboxMessage message = switch (sample) {
            case "membership-joined" -> events.joined(m, at);
            case "membership-ended" -> {
                m.leftAt = at;
                m.exitKind = ExitKind.EXPELLED;
                m.exitReason = "spam";
                yield events.ended(m);
            }
            case "membership-changed" -> events.changed(m,
                    List.of(new MembershipChanged.Change("activityState", "ACTIVE", "DORMANT", "A02")), at);
            default -> events.stageChanged(m, "CURIOUS", "M02", "sha256:x", at);
        };
        JsonNode published = json.readTree(message.payload());

        assertEquals(fieldNames(golden), fieldNames(published));
        assertEquals(fieldNames(golden.get("data")), fieldNames(published.get("data")));
        for (String constant : Set.of("specversion", "type", "source", "datacontenttype")) {
            assertEquals(golden.get(constant), published.get(constant), constant);
        }
        // key = group id for membership-events, member id for member-stage-changes (docs/events.md)
        assertEquals(sample.equals("stage-changed") ? m.memberId.toString() : m.groupId.toString(), message.key());
        assertEquals(sample.equals("stage-changed") ? "member-stage-changes" : "membership-events", message.topic());
        if (golden.at("/data/changes").isArray()) {
            assertEquals(fieldNames(golden.at("/data/changes/0")), fieldNames(published.at("/data/changes/0")));
        }
    }

    private static Membership membership() {
        Membership m = new Membership();
        m.id = UUID.randomUUID();
        m.memberId = UUID.randomUUID();
        m.groupId = UUID.randomUUID();
        m.roles = new String[0];
        m.layer = CircleLayer.PERIPHERY;
        m.stage = RelationshipStage.ACQUAINTED;
        m.activityState = ActivityState.ACTIVE;
        m.joinedAt = Instant.parse("2026-11-21T08:20:00Z");
        m.admittedVia = AdmissionPath.DIRECT;
        return m;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
