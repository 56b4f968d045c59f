package io.qunyun.campaign.domain.campaign;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.campaign.domain.CampaignRules;
import io.qunyun.campaign.domain.CampaignRules.TouchDecision;
import io.qunyun.campaign.domain.CampaignRules.TouchQuestion;

/**
 * The TouchStrategy table's tactic for each task (action, channel, priority), asked once per
 * (stage, layer, group type) and scheduler run: a page of 1,000 members needs a handful of calls.
 */
@ApplicationScoped
public class TouchTactics {

    private static final Logger LOG = Logger.getLogger(TouchTactics.class);

    private final CampaignRules rules;
    private final ObjectMapper json;
    private final Map<TouchQuestion, String> run = new ConcurrentHashMap<>();

    TouchTactics(CampaignRules rules, ObjectMapper json) {
        this.rules = rules;
        this.json = json;
    }

    /** Forget the answers of the previous run: an edited table takes effect on the next run. */
    public void newRun() {
        run.clear();
    }

    /** @return the decision as JSON, or null when member data is incomplete or rules-service is down */
    public String tactic(String stage, String layer, String groupType) {
        if (stage == null || layer == null) {
            return null;
        }
        TouchQuestion q = new TouchQuestion(stage, layer, groupType);
        String cached = run.get(q);
        if (cached != null) {
            return cached;
        }
        try {
            TouchDecision d = rules.touch(q);
            String text = json.writeValueAsString(d);
            run.put(q, text);
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            // The task is still created (the member must not be lost); its tactic stays empty.
            LOG.warnf("TouchStrategy not available for %s: %s", q, e.toString());
            return null;
        }
    }
}
