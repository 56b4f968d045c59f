package io.qunyun.campaign.member;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.qunyun.platform.config.ServiceCredentials;

/**
 * member-service's membership writes used by the group lifecycle: an invitation into the successor
 * group (a join with {@code invitedFromGroupId}, which runs the successor's admission rules) and the
 * closure of a dissolved or transferred group. Both are idempotent on member-service's side (one open
 * membership per member and group; closure ends what is still open), so a retry is safe.
 */
@RegisterRestClient(configKey = "member-service")
@RegisterProvider(ServiceCredentials.class)
@Path("/groups")
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
public interface MembershipClient {

    /** 201 joined, 202 application pending (the successor screens), 409 refused or already a member. */
    @POST
    @Path("/{groupId}/members")
    Response invite(@PathParam("groupId") UUID groupId, Invitation invitation);

    @POST
    @Path("/{groupId}/closure")
    @Retry(maxRetries = 2, delay = 300)
    Closure close(@PathParam("groupId") UUID groupId, ClosureRequest request);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Invitation(UUID memberId, UUID invitedFromGroupId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClosureRequest(String kind, String reason, UUID successorGroupId, List<UUID> memberIds) {

        public ClosureRequest(String kind, String reason, UUID successorGroupId) {
            this(kind, reason, successorGroupId, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Closure(UUID groupId, String kind, int ended, List<UUID> membershipIds) {
    }
}
