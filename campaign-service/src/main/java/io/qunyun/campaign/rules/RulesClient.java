package io.qunyun.campaign.rules;

import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.qunyun.campaign.domain.CampaignRules.FiveW1HDecision;
import io.qunyun.campaign.domain.CampaignRules.FiveW1HQuestion;
import io.qunyun.campaign.domain.CampaignRules.MetricDefinitionQuestion;
import io.qunyun.campaign.domain.CampaignRules.MetricDefinitions;
import io.qunyun.campaign.domain.CampaignRules.PositioningDecision;
import io.qunyun.campaign.domain.CampaignRules.PositioningQuestion;
import io.qunyun.campaign.domain.CampaignRules.SchedulePolicyDecision;
import io.qunyun.campaign.domain.CampaignRules.SchedulePolicyQuestion;
import io.qunyun.campaign.domain.CampaignRules.TouchDecision;
import io.qunyun.campaign.domain.CampaignRules.TouchQuestion;
import io.qunyun.platform.config.ServiceCredentials;

/**
 * rules-service's decision API (the wire shapes are the domain's {@link io.qunyun.campaign.domain.CampaignRules}
 * records). Decisions are pure functions of their input, so retrying a failed call is safe.
 */
@RegisterRestClient(configKey = "rules-service")
@RegisterProvider(ServiceCredentials.class)
@Path("/decisions")
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 200)
public interface RulesClient {

    @POST
    @Path("/positioning")
    PositioningDecision positioning(PositioningQuestion question);

    @POST
    @Path("/five-w-one-h")
    FiveW1HDecision fiveW1H(FiveW1HQuestion question);

    @POST
    @Path("/touch")
    TouchDecision touch(TouchQuestion question);

    @POST
    @Path("/metric-definitions")
    MetricDefinitions metricDefinitions(MetricDefinitionQuestion question);

    @POST
    @Path("/schedule-policy")
    SchedulePolicyDecision schedulePolicy(SchedulePolicyQuestion question);
}
