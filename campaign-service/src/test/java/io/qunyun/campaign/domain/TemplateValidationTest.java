package io.qunyun.campaign.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.qunyun.campaign.domain.template.InvalidTemplateException;
import io.qunyun.campaign.domain.template.TemplateError;
import io.qunyun.campaign.domain.template.TemplateParser;

/** Every defect is reported with its path and, inside a step, the step's id. */
class TemplateValidationTest {

    final TemplateParser parser = new TemplateParser();

    String camp() throws Exception {
        return new String(getClass().getResourceAsStream("/templates/conversion-camp-30d.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
    }

    List<TemplateError> errorsOf(String yaml) {
        return assertThrows(InvalidTemplateException.class, () -> parser.parse(yaml)).errors();
    }

    @Test
    void stepDefectsNameTheStepAndField() throws Exception {
        String yaml = camp()
                .replace("  - id: suspense-teaser\n    day: 8\n", "  - id: suspense-teaser\n    day: 40\n")
                .replace("    window: P2D\n", "")
                .replace("    audience: {stages: [UNDERSTANDS, FAMILIAR]}\n    content: camp30/consideration-chat",
                        "    audience: {stages: [KNOWS_US]}\n    content: camp30/consideration-chat");
        List<TemplateError> errors = errorsOf(yaml);
        assertTrue(errors.contains(new TemplateError("steps[3].day", "suspense-teaser", "must be between 1 and 33")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.field().equals("steps[8].window")
                && "limited-offer".equals(e.step())), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.field().equals("steps[6].audience.stages[0]")
                && "consideration-chat".equals(e.step())), errors.toString());
    }

    @Test
    void phaseAndDayMustAgree() throws Exception {
        List<TemplateError> errors = errorsOf(camp().replace(
                "phase: BUILD_UP\n    action: GROUP_POST\n    audience: {all: true}\n    content: camp30/price-advantage",
                "phase: CLIMAX\n    action: GROUP_POST\n    audience: {all: true}\n    content: camp30/price-advantage"));
        assertEquals(List.of(new TemplateError("steps[5].phase", "price-advantage",
                "day 12 falls in phase BUILD_UP, not CLIMAX")), errors);
    }

    @Test
    void phasesMustBeContiguousFromDayOne() throws Exception {
        List<TemplateError> errors = errorsOf(camp().replace("{name: CLIMAX,   fromDay: 17", "{name: CLIMAX,   fromDay: 18"));
        assertEquals("phases[2].fromDay", errors.get(0).field());
    }

    @Test
    void aPolicyBlockIsRefusedOnUploadAndIgnoredInStoredVersions() throws Exception {
        String old = camp().replace("phases:\n", "policy:\n  contactCapPerMemberPerDay: 2\nphases:\n");
        InvalidTemplateException e = assertThrows(InvalidTemplateException.class, () -> new TemplateParser().parseNew(old));
        assertEquals("policy", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("SchedulePolicy"), e.errors().get(0).message());
        assertEquals("conversion-camp-30d", new TemplateParser().parse(old).id()); // a version stored before still runs
    }

    @Test
    void typeErrorsNameThePathAndLine() throws Exception {
        List<TemplateError> errors = errorsOf(camp().replace("at: \"20:00\"", "at: \"8pm\""));
        assertEquals("steps[0].at", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("line"), errors.get(0).message());
        assertEquals("steps[0].colour", errorsOf(camp().replace("    day: 1\n", "    day: 1\n    colour: red\n"))
                .get(0).field());
        assertEquals("steps[0].action", errorsOf(camp().replace("action: EVENT_SESSION", "action: TWEET")).get(0).field());
        assertEquals("body", errorsOf("id: a: b: c").get(0).field());
        assertEquals("body", errorsOf("  ").get(0).field());
    }

    @Test
    void requiredFields() throws Exception {
        List<TemplateError> errors = errorsOf(camp().replace("    quietHours: SKIP\n    staleness: PT3H\n", "    quietHours: SKIP\n"));
        assertTrue(errors.contains(new TemplateError("steps[1].staleness", "learning-care",
                "is required: a positive ISO-8601 duration such as PT6H")), errors.toString());
    }
}
