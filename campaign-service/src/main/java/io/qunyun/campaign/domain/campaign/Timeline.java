package io.qunyun.campaign.domain.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.qunyun.campaign.domain.campaign.Rows.StepRow;

/**
 * The timeline rows of campaigns (a port: persistence stores them); the scheduler claims due rows here,
 * exactly once. Every method runs in the caller's transaction.
 */
public interface Timeline {

    /** Inserts planned rows; a row that exists already (same unique key) is left as it is. */
    int insertSteps(List<StepRow> rows);

    List<StepRow> steps(UUID campaignId, UUID groupId, boolean withMembers, int limit, long afterId);

    List<StepRow> allSteps(UUID campaignId);

    /** Due rows of campaigns that run, oldest first; rows another instance holds are skipped. */
    List<Long> dueStepIds(Instant now, java.util.Collection<Long> except, int limit);

    /**
     * The claim: locks one row if it is still open and no other transaction holds it. Whoever gets
     * the lock decides the row; everyone else sees nothing (SKIP LOCKED) and moves on.
     */
    Optional<StepRow> claim(long id);

    /** A newer due and open occurrence of the same step and target: the older one is superseded. */
    Optional<Integer> newerDueOccurrence(StepRow row, Instant now);

    void finishStep(long id, String state, String reason, Instant firedAt);

    void materialising(long id, String cursor);

    int cancelOpenSteps(UUID campaignId, String reason);

    /**
     * The group reached ENDED: its open steps due at or after the end are skipped with the reason (rows
     * stored before holds past the end were skipped when planned); earlier ones may still run late.
     */
    int skipOpenStepsOfGroup(UUID campaignId, UUID groupId, Instant endedAt, String reason);

    /** A member left: their own future steps in that group never fall due. */
    int cancelMemberSteps(UUID groupId, UUID memberId, String reason);

    boolean memberHasSteps(UUID campaignId, UUID groupId, UUID memberId);

    /** The target of the member's first planned step in the campaign's group (RESUME keeps its anchor). */
    Optional<String> firstMemberTarget(UUID campaignId, UUID groupId, UUID memberId);

    /**
     * A member came back (RESUME): their rows cancelled with a reason starting with {@code reasonPrefix}
     * and due after {@code after} are open again; the ones that fell due while they were away stay cancelled.
     */
    int reopenMemberSteps(UUID campaignId, UUID groupId, UUID memberId, Instant after, String reasonPrefix);

    int openStepsOfGroup(UUID campaignId, UUID groupId);

    /** A campaign's METRIC_CHECKPOINT steps for the group (group-level rows), in order. */
    record Checkpoint(String stepId, int day, String localDue, String state, String phase) {
    }

    List<Checkpoint> checkpoints(UUID campaignId, UUID groupId);
}
