package io.qunyun.campaign.member;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.campaign.domain.lifecycle.Memberships;
import io.qunyun.campaign.member.MembershipClient.ClosureRequest;
import io.qunyun.campaign.member.MembershipClient.Invitation;

/** The domain's {@link Memberships} port over member-service's REST API; reads its problem+json answers. */
@ApplicationScoped
public class MembershipsAdapter implements Memberships {

    private static final Logger LOG = Logger.getLogger(MembershipsAdapter.class);

    private final MembershipClient memberships;
    private final ObjectMapper json;

    MembershipsAdapter(@RestClient MembershipClient memberships, ObjectMapper json) {
        this.memberships = memberships;
        this.json = json;
    }

    @Override
    public int close(UUID groupId, String kind, String reason, UUID successorGroupId, List<UUID> memberIds) {
        return memberships.close(groupId, new ClosureRequest(kind, reason, successorGroupId, memberIds)).ended();
    }

    @Override
    public InviteOutcome invite(UUID targetGroupId, UUID memberId, UUID fromGroupId) {
        try (Response r = memberships.invite(targetGroupId, new Invitation(memberId, fromGroupId))) {
            return r.getStatus() == 202
                    ? new InviteOutcome("PENDING_REVIEW", "the successor group screens: application pending")
                    : new InviteOutcome("JOINED", "joined " + targetGroupId);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String type = problemType(e.getResponse());
            if (status >= 500) {
                LOG.warnf("member-service answered %d to an invitation; open invitations wait", status);
                return null;
            }
            if (type != null && type.endsWith("/already-member")) {
                return new InviteOutcome("JOINED", "already a member of " + targetGroupId);
            }
            return new InviteOutcome("REFUSED", status + (type == null ? "" : " "
                    + type.substring(type.lastIndexOf('/') + 1)) + ": " + problemDetail(e.getResponse()));
        } catch (ProcessingException e) {
            LOG.warnf("member-service unreachable while inviting: %s; open invitations wait", e.toString());
            return null;
        }
    }

    private String problemType(Response response) {
        JsonNode body = body(response);
        return body == null || !body.hasNonNull("type") ? null : body.get("type").asText();
    }

    private String problemDetail(Response response) {
        JsonNode body = body(response);
        return body == null ? "" : body.path("detail").asText("");
    }

    private JsonNode body(Response response) {
        Object entity;
        try {
            response.bufferEntity();
            entity = response.readEntity(String.class);
        } catch (RuntimeException e) {
            entity = response.getEntity(); // a response built in this JVM (not read from the wire)
        }
        try {
            return entity instanceof String s ? json.readTree(s) : entity == null ? null : json.valueToTree(entity);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
