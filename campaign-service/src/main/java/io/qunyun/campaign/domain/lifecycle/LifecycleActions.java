package io.qunyun.campaign.domain.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The lifecycle actions decided for groups (revive, transfer, dissolve...) (a port: persistence stores them). */
public interface LifecycleActions {

    record Action(UUID id, UUID groupId, String cause, String decisionId, String verdict, String reviveKind,
            String message, String table, String tableVersion, String decidedBy, List<String> firedRules,
            UUID successorGroupId, String state, String reason, Instant closeAt, Instant createdAt,
            Instant updatedAt) {
    }

    /** @return false when an action for this decision exists already (redelivered decision) */
    boolean insertAction(Action a);

    void finishAction(UUID id, String state, String reason, Instant at);

    List<Action> actions(UUID groupId);

    List<Action> runningActions(int limit);

    /** Locks the action row: one instance finishes an action. */
    Optional<Action> lockRunning(UUID id);
}
