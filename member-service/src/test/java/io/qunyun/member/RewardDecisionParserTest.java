package io.qunyun.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.qunyun.member.domain.RewardDecision;
import io.qunyun.member.messaging.RewardDecisionParser;
import io.qunyun.platform.events.CloudEventReader;
import io.qunyun.platform.events.InvalidEventException;

class RewardDecisionParserTest {

    private static final String SAMPLE = """
            {"specversion":"1.0","id":"3f3a1c55-2b8e-3d7f-9a0c-6e4b2d1f8a77","type":"io.qunyun.rules.reward.decided.v1",
             "source":"/rules-service","time":"2026-11-21T08:15:00.120Z","subject":"5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33",
             "datacontenttype":"application/json",
             "data":{"decisionId":"3f3a1c55-2b8e-3d7f-9a0c-6e4b2d1f8a77","activityId":"0b8f8f0e-6c1e-4b53-9b61-0d4b8a1f2c10",
                     "memberId":"5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33","activityType":"CHECK_IN",
                     "groupId":"9a1e5c7b-2d4f-4e8a-b6c3-1f0d2e3a4b5c","occurredAt":"2026-11-21T08:14:58Z",
                     "points":20,"basePoints":10,"multiplier":2,"reason":"群内打卡分享，双倍积分",
                     "firedRules":["R02 check-in shared in a group"],"table":"Rewards","tableVersion":"sha256:9c1d"}}""";

    private final RewardDecisionParser parser = new RewardDecisionParser(new CloudEventReader(
            new ObjectMapper().registerModule(new JavaTimeModule()), Validation.byDefaultProvider().configure()
                    .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator()));

    @Test
    void readsTheDocumentedSample() throws Exception {
        RewardDecision decision = parse(SAMPLE);
        assertEquals(UUID.fromString("3f3a1c55-2b8e-3d7f-9a0c-6e4b2d1f8a77"), decision.decisionId());
        assertEquals(UUID.fromString("0b8f8f0e-6c1e-4b53-9b61-0d4b8a1f2c10"), decision.activityId());
        assertEquals(UUID.fromString("5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33"), decision.memberId());
        assertEquals("CHECK_IN", decision.activityType());
        assertEquals(20, decision.points());
        assertEquals("群内打卡分享，双倍积分", decision.reason());
        assertEquals(List.of("R02 check-in shared in a group"), decision.firedRules());
        assertEquals("sha256:9c1d", decision.tableVersion());
        assertEquals(Instant.parse("2026-11-21T08:14:58Z"), decision.occurredAt());
    }

    @Test
    void decisionIdFallsBackToTheEnvelopeId() throws Exception {
        RewardDecision decision = parse(SAMPLE.replace("\"decisionId\":\"3f3a1c55-2b8e-3d7f-9a0c-6e4b2d1f8a77\",", ""));
        assertEquals(UUID.fromString("3f3a1c55-2b8e-3d7f-9a0c-6e4b2d1f8a77"), decision.decisionId());
        assertNull(parse(SAMPLE.replace("\"reason\":\"群内打卡分享，双倍积分\",", "")).reason());
    }

    @Test
    void rejectsWhatTheLedgerCannotStore() {
        assertReason("value is not JSON", "nope");
        assertReason("value is not a JSON object", "[1,2]");
        assertReason("empty record value", "");
        assertReason("unsupported event type io.qunyun.rules.reward.decided.v2, expected io.qunyun.rules.reward.decided.v1",
                SAMPLE.replace("decided.v1", "decided.v2"));
        assertReason("invalid reward decision: data.activityId is missing",
                SAMPLE.replace("\"activityId\":\"0b8f8f0e-6c1e-4b53-9b61-0d4b8a1f2c10\",", ""));
        assertReason("invalid reward decision: data.memberId is not a UUID: 42", SAMPLE.replace("5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33\",\"activityType",
                "42\",\"activityType"));
        assertReason("invalid reward decision: data.points is missing", SAMPLE.replace("\"points\":20,", ""));
        assertReason("invalid reward decision: data.points is not a 32-bit integer: 2.5", SAMPLE.replace("\"points\":20,", "\"points\":2.5,"));
        assertReason("invalid reward decision: data.points is not a 32-bit integer: \"20\"", SAMPLE.replace("\"points\":20,", "\"points\":\"20\","));
        assertReason("envelope has no data object", "{\"type\":\"io.qunyun.rules.reward.decided.v1\"}");
        assertReason("invalid reward decision: data.firedRules[0].<list element> contains a NUL character",
                SAMPLE.replace("R02 check-in", "R02\\u0000"));
        assertReason("invalid reward decision: data.policy.growthInput is not one of [PURCHASES, CONTENT, BEHAVIOUR]",
                SAMPLE.replace("\"table\":\"Rewards\"", "\"policy\":{\"growthInput\":\"LUCK\"},\"table\":\"Rewards\""));
        assertReason("invalid reward decision: data.expel is not a boolean: \"yes\"",
                SAMPLE.replace("\"table\":\"Rewards\"", "\"expel\":\"yes\",\"table\":\"Rewards\""));
        assertReason("id is not a UUID: x", SAMPLE.replace("\"decisionId\":\"3f3a1c55-2b8e-3d7f-9a0c-6e4b2d1f8a77\",", "")
                .replace("\"id\":\"3f3a1c55-2b8e-3d7f-9a0c-6e4b2d1f8a77\"", "\"id\":\"x\""));
        assertReason("invalid reward decision: data.reason contains a NUL character", SAMPLE.replace("双倍积分", "\\u0000"));
    }

    private void assertReason(String reason, String value) {
        var e = assertThrows(InvalidEventException.class, () -> parse(value));
        assertEquals(true, e.getMessage().startsWith(reason), e.getMessage());
    }

    private RewardDecision parse(String value) {
        return parser.parse(value.getBytes(StandardCharsets.UTF_8));
    }
}
