package io.qunyun.rules.domain.touch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.qunyun.rules.domain.positioning.GroupType;

/** What a TouchStrategy row must write; a defective row is refused with its name (no engine needed). */
class TouchCaseTest {

    @Test
    void aCompleteRowIsRecorded() {
        TouchCase c = new TouchCase(RelationshipStage.CURIOUS, CircleLayer.CORE, GroupType.LEAD);
        assertEquals("CURIOUS", c.getStage());
        assertEquals("CORE", c.getLayer());
        assertEquals("LEAD", c.getGroupType());
        c.setAction(" say hi ");
        c.setChannel("ONE_ON_ONE_CHAT");
        c.setOwnerRole("STEWARD");
        c.setPriority("HIGH");
        c.closeRow("S02 x");
        assertEquals(new TouchOutcome("S02 x", "say hi", Channel.ONE_ON_ONE_CHAT, OwnerRole.STEWARD, TouchPriority.HIGH),
                c.outcomes().get(0));
        assertNull(new TouchCase(RelationshipStage.CURIOUS, CircleLayer.CORE, null).getGroupType());
    }

    @Test
    void missingOrUnknownOutputsAreNamed() {
        TouchCase missing = new TouchCase(RelationshipStage.UNAWARE, CircleLayer.PERIPHERY, null);
        missing.setAction("a");
        missing.setChannel("GROUP_POST");
        missing.setOwnerRole("OWNER");
        assertTrue(assertThrows(IllegalStateException.class, () -> missing.closeRow("S77 no priority")).getMessage()
                .contains("S77 no priority"));

        TouchCase unknown = new TouchCase(RelationshipStage.UNAWARE, CircleLayer.PERIPHERY, null);
        unknown.setAction("a");
        unknown.setChannel("SMS");
        unknown.setOwnerRole("OWNER");
        unknown.setPriority("LOW");
        assertTrue(assertThrows(IllegalStateException.class, () -> unknown.closeRow("S78 sms")).getMessage()
                .contains("unknown channel 'SMS'"));
    }
}
