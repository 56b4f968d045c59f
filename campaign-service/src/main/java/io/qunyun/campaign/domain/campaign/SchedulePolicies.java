package io.qunyun.campaign.domain.campaign;

import java.time.LocalTime;

import jakarta.enterprise.context.ApplicationScoped;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.campaign.domain.DependencyUnavailableException;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.Groups;
import io.qunyun.campaign.domain.campaign.Rows.CampaignGroupRow;
import io.qunyun.campaign.domain.campaign.Rows.CampaignRow;
import io.qunyun.campaign.domain.CampaignRules;
import io.qunyun.campaign.domain.CampaignRules.SchedulePolicyDecision;
import io.qunyun.campaign.domain.CampaignRules.SchedulePolicyQuestion;

/**
 * The SchedulePolicy table's answer for a template on a group's platform (rules-service), and its
 * stored form: the campaign keeps the answer per group as JSON, so it never changes mid-campaign.
 */
@ApplicationScoped
public class SchedulePolicies {

    private final CampaignRules rules;
    private final ObjectMapper json;
    private final Campaigns campaigns;
    private final Groups groups;

    SchedulePolicies(CampaignRules rules, ObjectMapper json, Campaigns campaigns, Groups groups) {
        this.rules = rules;
        this.json = json;
        this.campaigns = campaigns;
        this.groups = groups;
    }

    /** The decision for a group when a campaign starts on it. */
    public SchedulePolicy decide(String templateId, GroupEntity group) {
        return decide(templateId, group.platform == null ? null : group.platform.name());
    }

    /**
     * The policy a campaign took for one of its groups; a campaign started before the table existed
     * asks it now, once, and keeps the answer.
     */
    public SchedulePolicy of(CampaignRow campaign, CampaignGroupRow group) {
        if (group.schedulePolicy() != null) {
            return read(group.schedulePolicy());
        }
        SchedulePolicy decided = decide(campaign.templateId(), groups.group(group.groupId()));
        campaigns.setSchedulePolicyIfAbsent(campaign.id(), group.groupId(), write(decided));
        return campaigns.group(campaign.id(), group.groupId()).map(g -> read(g.schedulePolicy())).orElse(decided);
    }

    /** @throws DependencyUnavailableException when rules-service does not answer: nothing may be planned then */
    public SchedulePolicy decide(String templateId, String platform) {
        SchedulePolicyDecision d;
        try {
            d = rules.schedulePolicy(new SchedulePolicyQuestion(templateId, platform));
        } catch (RuntimeException e) {
            throw new DependencyUnavailableException("rules-service",
                    "the SchedulePolicy decision for template " + templateId + " could not be asked: " + e.getMessage());
        }
        return new SchedulePolicy(new SchedulePolicy.QuietHours(LocalTime.parse(d.quietStart()), LocalTime.parse(d.quietEnd())),
                d.contactCapPerDay(), SchedulePolicy.CapMode.valueOf(d.capMode()), d.groupPostsPerMonth(),
                d.oneToOnePerCustomerPerMonth(), d.oneToOneLayers(), d.influenceActiveWithinDays(), d.decidedBy(),
                d.tableVersion(), d.firedRules());
    }

    public String write(SchedulePolicy policy) {
        try {
            return json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public SchedulePolicy read(String stored) {
        try {
            return json.readValue(stored, SchedulePolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored schedule policy: " + e.getMessage(), e);
        }
    }
}
