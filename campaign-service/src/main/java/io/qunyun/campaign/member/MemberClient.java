package io.qunyun.campaign.member;

import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.qunyun.campaign.domain.MemberAudiences.AudiencePage;
import io.qunyun.campaign.domain.MemberAudiences.AudienceQuery;
import io.qunyun.platform.config.ServiceCredentials;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * member-service's audience query (contract: {@code POST /audiences/query}). A query is a read,
 * so retrying it is safe; the scheduler keeps its cursor, so a failed page is asked again later.
 */
@RegisterRestClient(configKey = "member-service")
@RegisterProvider(ServiceCredentials.class)
@Path("/audiences")
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 300)
public interface MemberClient {

    @POST
    @Path("/query")
    AudiencePage query(AudienceQuery query);
}
