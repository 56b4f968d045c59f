package io.qunyun.member.rest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.qunyun.member.domain.ActivityAttributes;
import io.qunyun.member.domain.ActivityService;
import io.qunyun.member.domain.ActivityType;
import io.qunyun.member.domain.RecordedActivity;
import io.qunyun.platform.rest.Problem;

/**
 * Many activities in one call (up to {@value #MAX_ITEMS}): one transaction, one outbox batch, the same
 * rules per activity as {@code POST /members/{id}/activities}. A malformed item (or one dated outside the
 * bounds, docs/errors.md) rejects the whole call with 400 naming {@code activities[i].field}, a key used
 * before with another activity with 409 {@code idempotency-key-reused} naming
 * {@code activities[i].idempotencyKey}, and stores nothing; otherwise every item gets its own result, in
 * order: 201 recorded, 200 the original activity of a key used before, 404 unknown member.
 */
@Path("/activities/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityBatchResource {

    static final int MAX_ITEMS = 1000;

    private final ActivityService activities;

    ActivityBatchResource(ActivityService activities) {
        this.activities = activities;
    }

    public record Item(
            @NotNull UUID memberId,
            @NotNull ActivityType type,
            UUID groupId,
            @NotNull OffsetDateTime occurredAt,
            @NotBlank @Size(max = 200) String idempotencyKey,
            @Valid ActivityAttributesRequest attributes) {
    }

    public record BatchRequest(@NotNull @Size(min = 1, max = MAX_ITEMS) List<@Valid @NotNull Item> activities) {
    }

    /** @param activity the recorded (201) or original (200) activity; absent for 404 */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(int index, int status, ActivityResponse activity, Problem.FieldError error) {
    }

    public record BatchResponse(int created, int replayed, int rejected, List<ItemResult> results) {
    }

    @POST
    @RolesAllowed({ "integration", "operator", "admin" })
    public BatchResponse record(@Valid @NotNull BatchRequest body) {
        List<ActivityService.NewActivity> batch = body.activities().stream()
                .map(i -> new ActivityService.NewActivity(i.memberId(), i.type(), i.groupId(), i.occurredAt().toInstant(),
                        i.idempotencyKey(), i.attributes() == null ? ActivityAttributes.NONE : i.attributes().toDomain()))
                .toList();
        List<Optional<RecordedActivity>> recorded = activities.recordAll(batch);
        List<ItemResult> results = new ArrayList<>(recorded.size());
        int created = 0;
        int replayed = 0;
        int rejected = 0;
        for (int i = 0; i < recorded.size(); i++) {
            Optional<RecordedActivity> r = recorded.get(i);
            if (r.isEmpty()) {
                rejected++;
                results.add(new ItemResult(i, 404, null, new Problem.FieldError("activities[" + i + "].memberId",
                        "no member with id " + batch.get(i).memberId())));
            } else if (r.get().created()) {
                created++;
                results.add(new ItemResult(i, 201, ActivityResponse.of(r.get().activity()), null));
            } else {
                replayed++;
                results.add(new ItemResult(i, 200, ActivityResponse.of(r.get().activity()), null));
            }
        }
        return new BatchResponse(created, replayed, rejected, results);
    }
}
