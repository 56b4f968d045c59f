package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import io.qunyun.member.domain.ActivityAttributes;
import io.qunyun.member.domain.ActivityIntake;
import io.qunyun.member.domain.ActivityService.NewActivity;
import io.qunyun.member.domain.ActivityType;
import io.qunyun.member.domain.IdempotencyKeyReusedException;
import io.qunyun.member.domain.MemberNotFoundException;
import io.qunyun.member.domain.RecordedActivity;
import io.qunyun.member.persistence.ActivityRepository;

/**
 * Single activities arriving together are written in one transaction, and each caller still gets its own
 * answer: a failure of one activity (a key reused for another activity, an unknown member) does not fail
 * the activities written with it.
 */
@QuarkusTest
@TestSecurity(user = "test", roles = "integration")
class ActivityIntakeTest {

    private static final Instant AT = Instant.parse("2026-11-21T08:00:00Z");

    @Inject
    ActivityIntake intake;

    @Inject
    ActivityRepository activities;

    @Test
    void activitiesWrittenTogetherAreAnsweredOneByOne() throws Exception {
        String member = TestData.newMember();
        UUID memberId = UUID.fromString(member);
        String original = given().contentType(ContentType.JSON)
                .body(TestData.activityJson("SHARE", null, AT.toString(), "dup"))
                .post("/members/{id}/activities", member).then().statusCode(201).extract().path("activityId");

        // queued in a burst: while the writers store the first ones, the rest wait and are written together
        List<CompletableFuture<RecordedActivity>> fresh = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            fresh.add(submit(memberId, ActivityType.CONTENT_POST, "k-" + i));
        }
        CompletableFuture<RecordedActivity> reusedForAnother = submit(memberId, ActivityType.PURCHASE, "dup");
        CompletableFuture<RecordedActivity> sentAgain = submit(memberId, ActivityType.SHARE, "dup");
        CompletableFuture<RecordedActivity> nobody = submit(UUID.randomUUID(), ActivityType.SHARE, "k-0");
        for (int i = 60; i < 120; i++) {
            fresh.add(submit(memberId, ActivityType.CONTENT_POST, "k-" + i));
        }
        CompletableFuture<RecordedActivity> sameKeyInTheBurst = submit(memberId, ActivityType.CONTENT_POST, "k-7");

        var ids = new HashSet<UUID>();
        for (int i = 0; i < fresh.size(); i++) {
            RecordedActivity recorded = fresh.get(i).get(30, TimeUnit.SECONDS);
            if (i != 7) {
                assertTrue(recorded.created(), "k-" + i);
            }
            ids.add(recorded.activity().id);
        }
        assertEquals(120, ids.size());

        var reused = assertFailsWith(IdempotencyKeyReusedException.class, reusedForAnother);
        assertEquals("idempotencyKey", reused.field(), "named as for a single request");
        RecordedActivity again = sentAgain.get(30, TimeUnit.SECONDS);
        assertFalse(again.created());
        assertEquals(original, again.activity().id.toString());
        assertFailsWith(MemberNotFoundException.class, nobody);
        // k-7 twice: whichever write commits first creates it (two writers: the later request may win when the
        // earlier one's shared write is redone one by one), and both requests are answered with that activity
        RecordedActivity repeated = sameKeyInTheBurst.get(30, TimeUnit.SECONDS);
        RecordedActivity seventh = fresh.get(7).get();
        assertEquals(seventh.activity().id, repeated.activity().id);
        assertTrue(seventh.created() ^ repeated.created(), "exactly one request with key k-7 created it");

        assertEquals(121L, QuarkusTransaction.requiringNew().call(() -> activities.count("memberId", memberId)));
    }

    private CompletableFuture<RecordedActivity> submit(UUID memberId, ActivityType type, String key) {
        return intake.record(new NewActivity(memberId, type, null, AT, key, ActivityAttributes.NONE))
                .toCompletableFuture();
    }

    private static <T extends Throwable> T assertFailsWith(Class<T> type, CompletableFuture<?> future)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return assertInstanceOf(type, e.getCause());
        }
        throw new AssertionError("expected " + type.getSimpleName());
    }
}
