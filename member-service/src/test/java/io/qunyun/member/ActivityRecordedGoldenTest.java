package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The published event has exactly the fields of the documented sample (docs/events.md). */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class ActivityRecordedGoldenTest {

    @Inject
    ObjectMapper json;

    @Test
    void publishedEventHasTheGoldenSamplesFields() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/events/activity-recorded.json")) {
            golden = json.readTree(in);
        }
        String memberId = TestData.newMember();
        TestData.memberSince(memberId, golden.at("/data/groupId").asText(), "2000-01-01T00:00:00Z");
        JsonNode published;
        try (KafkaCompanion kafka = TestData.kafka()) {
            ConsumerTask<String, String> events = TestData.activityEvents(kafka, memberId);
            given().contentType(ContentType.JSON)
                    .body(TestData.activityJson("CHECK_IN", golden.at("/data/groupId").asText(),
                            golden.at("/data/occurredAt").asText(), "golden-1"))
                    .post("/members/{id}/activities", memberId)
                    .then().statusCode(201);
            events.awaitRecords(1, Duration.ofSeconds(30));
            events.stop();
            published = json.readTree(events.getFirstRecord().value());
        }

        assertEquals(fieldNames(golden), fieldNames(published));
        assertEquals(fieldNames(golden.get("data")), fieldNames(published.get("data")));
        for (String constant : Set.of("specversion", "type", "source", "datacontenttype")) {
            assertEquals(golden.get(constant), published.get(constant), constant);
        }
        assertEquals(golden.at("/data/occurredAt"), published.at("/data/occurredAt"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
