package io.qunyun.rules.domain.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which cells are values: the character rules of {@link DataCellCheck}, on the texts the shipped tables hold and on code. */
class DataCellCheckTest {

    @Test
    void theTemplatesSayWhetherACellIsPastedInsideQuotes() {
        assertTrue(DataCellCheck.unquoted("$r.setMultiplier($param);"));
        assertTrue(DataCellCheck.unquoted("priorOffences >= $param"));
        assertTrue(DataCellCheck.unquoted("campaignAgeHours != null && campaignAgeHours >= $param"));
        assertFalse(DataCellCheck.unquoted("$r.setReason(\"$param\");"));
        assertFalse(DataCellCheck.unquoted("activityType == \"$param\""));
        assertTrue(DataCellCheck.unquoted("between(\"$1\", $2)"), "one unquoted parameter is enough");
    }

    @Test
    void theShippedTextsAreSafe() {
        for (String text : new String[] {"群内打卡分享，双倍积分 / Check-in shared in a group earns double",
                "Lead group: do not over-operate; group notice and welcome offer only", "Ambassadors' purchases earn double",
                "打卡率低于 20%：用剧本活动（如 7 天打卡挑战）带动 / Check-in rate below 20%: run a scripted activity (e.g. a 7-day check-in challenge)",
                "CHECK_IN,CONTENT_POST,SHARE,PURCHASE", "22:00", "checkin-challenge-21d", "R13 repeated advertising expels",
                "感谢大家一路陪伴，本群使命已完成，我们在新群再见！ / See you in the next one!", "核心群资格、新品优先体验、9 折"}) {
            assertTrue(DataCellCheck.safeText(text), text);
        }
    }

    @Test
    void textThatCouldLeaveItsStringIsNotSafe() {
        for (String text : new String[] {"\"); System.exit(0); (\"", "a\\u0022b", "x\\\" + y", "${jndi:x}", "a\nthen", "`id`",
                "{ code }", "list[0]", "right\u202Eleft", "zero\u200Bwidth"}) {
            assertFalse(DataCellCheck.safeText(text), text);
        }
    }
}
