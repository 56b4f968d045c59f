package io.qunyun.rules.domain.points;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.micrometer.core.instrument.MeterRegistry;
import io.qunyun.rules.config.DecisionsConfig;
import io.qunyun.rules.domain.DecisionCache;
import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;
import io.qunyun.rules.domain.tier.GrowthInput;
import io.qunyun.rules.domain.tier.Tier;

/**
 * Credit caps, growth input and points expiry of one activity (table PointsPolicy). The single code path
 * for {@code POST /decisions/points-policy} and for the policy every reward decision carries to
 * member-service, which applies it when crediting (docs/decision-tables.md, PointsPolicy).
 *
 * <p>Memoized like the Rewards table: the answer depends only on (activity type, tier), a handful of
 * combinations, keyed by the table version too (a published version empties it).
 */
@ApplicationScoped
public class PointsPolicyService {

    private static final DecisionTable TABLE = DecisionTable.POINTS_POLICY;

    /** Cache key: every input of the table. */
    record Inputs(String activityType, String memberTier) {
    }

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    DecisionsConfig config;

    @Inject
    MeterRegistry registry;

    private DecisionCache<Inputs, PointsPolicyDecision> cache;

    @PostConstruct
    void init() {
        cache = new DecisionCache<>(TABLE, config.rewardCacheSize(), registry);
    }

    /**
     * @param activityType any string: a type no CreditCaps row knows is not capped and counts towards no growth
     * @param memberTier   the member's tier name, null when none yet
     */
    public PointsPolicyDecision decide(String activityType, String memberTier) {
        CompiledTable t = catalog.active(TABLE); // one version for the whole decision
        return cache.get(t, new Inputs(activityType, memberTier), PointsPolicyService::evaluate);
    }

    static PointsPolicyDecision evaluate(CompiledTable t, Inputs inputs) {
        List<String> fired = new ArrayList<>();

        CreditCapCase cap = new CreditCapCase(inputs.activityType());
        PointsPolicyUnit caps = new PointsPolicyUnit();
        caps.getCaps().add(cap);
        Map<String, CreditCapCase.Outputs> capOutputs = new HashMap<>();
        List<String> capRows = RuleUnits.fire(t.unit(PointsPolicyUnit.class), caps, rule -> capOutputs.put(rule, cap.takeOutputs()));
        String capRule = t.decidingRow(capRows);
        Integer maxPerDay = null;
        GrowthInput growthInput = null;
        if (capRule != null) {
            CreditCapCase.Outputs row = capOutputs.get(capRule);
            if (row.maxPerDay() != null && row.maxPerDay() < 1) {
                throw new DecisionTableDefectException(TABLE, "row '" + capRule + "' has max per day " + row.maxPerDay()
                        + "; write a whole number > 0, or leave it empty for no cap");
            }
            maxPerDay = row.maxPerDay();
            growthInput = growthInput(row.growthInput(), capRule);
            fired.add(capRule);
            capRows.stream().filter(r -> !r.equals(capRule)).forEach(fired::add);
        }

        // A member without a tier decision yet is a newcomer: the lowest tier (Tier is ordered lowest first).
        ExpiryCase expiry = new ExpiryCase(inputs.memberTier() == null ? Tier.values()[0].name() : inputs.memberTier());
        PointsPolicyUnit expiries = new PointsPolicyUnit();
        expiries.getExpiries().add(expiry);
        Map<String, Integer> days = new HashMap<>();
        List<String> expiryRows = RuleUnits.fire(t.unit(PointsPolicyUnit.class), expiries, rule -> days.put(rule, expiry.takeExpiresAfterDays()));
        String expiryRule = t.decidingRow(expiryRows);
        Integer expiresAfterDays = null;
        if (expiryRule != null) {
            expiresAfterDays = days.get(expiryRule);
            if (expiresAfterDays == null || expiresAfterDays < 1) {
                throw new DecisionTableDefectException(TABLE, "row '" + expiryRule
                        + "' must set expires after days to a whole number > 0");
            }
            fired.add(expiryRule);
            expiryRows.stream().filter(r -> !r.equals(expiryRule)).forEach(fired::add);
        }
        return new PointsPolicyDecision(maxPerDay, capRule, growthInput, expiresAfterDays, expiryRule,
                t.version(), List.copyOf(fired));
    }

    private static GrowthInput growthInput(String value, String row) {
        if (value == null || value.isBlank()) {
            throw new DecisionTableDefectException(TABLE, "row '" + row + "' has no growth input");
        }
        try {
            return GrowthInput.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new DecisionTableDefectException(TABLE, "row '" + row + "' has unknown growth input '" + value + "'");
        }
    }
}
