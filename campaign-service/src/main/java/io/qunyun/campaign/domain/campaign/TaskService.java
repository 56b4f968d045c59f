package io.qunyun.campaign.domain.campaign;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.campaign.domain.campaign.Rows.TaskRow;

/** Operators work their task list: complete a task, or skip it with a reason. Only OPEN tasks change. */
@ApplicationScoped
public class TaskService {

    private final OperatorTasks operatorTasks;
    private final Clock clock;

    TaskService(OperatorTasks operatorTasks, Clock clock) {
        this.operatorTasks = operatorTasks;
        this.clock = clock;
    }

    @Transactional
    public List<TaskRow> list(UUID assigneeId, String role, String status, UUID campaignId, UUID memberId, UUID after,
            int limit) {
        return operatorTasks.tasks(assigneeId, role, status, campaignId, memberId, after, limit);
    }

    @Transactional
    public TaskRow complete(UUID id) {
        return close(id, "DONE", null);
    }

    @Transactional
    public TaskRow skip(UUID id, String reason) {
        return close(id, "SKIPPED", reason.strip());
    }

    private TaskRow close(UUID id, String status, String reason) {
        TaskRow task = operatorTasks.lockTask(id).orElseThrow(() -> new CampaignException(404, "task " + id + " not found"));
        if (task.status().equals(status) && java.util.Objects.equals(task.reason(), reason)) {
            return task; // repeating the same call is harmless
        }
        if (!task.status().equals("OPEN")) {
            throw new CampaignException(409, "task " + id + " is " + task.status() + ", only OPEN tasks change");
        }
        operatorTasks.setTaskStatus(id, status, reason, clock.instant());
        return operatorTasks.task(id).orElseThrow();
    }
}
