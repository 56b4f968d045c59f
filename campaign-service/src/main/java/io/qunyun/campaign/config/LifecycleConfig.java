package io.qunyun.campaign.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Technical tuning of the group lifecycle job. The verdicts (revive, transfer, dissolve) and their
 * messages come from the GroupHealth table, lifespans from the GroupPositioning table.
 */
@ConfigMapping(prefix = "qunyun.lifecycle")
public interface LifecycleConfig {

    /** How often each instance reports metrics, expires groups and works through invitations. */
    @WithDefault("5s")
    Duration interval();

    /** Invitations sent to member-service per run. */
    @WithDefault("200")
    int inviteBatch();

    /** Audience members read per page when a transfer is planned. */
    @WithDefault("1000")
    int pageSize();

    /**
     * Group types whose end is owned by lifespan expiry (the positioning decision's lifespan): health
     * verdicts that would transfer or dissolve such a group are recorded as skipped, never acted on.
     */
    @WithDefault("LEAD")
    List<String> expiryGroupTypes();

    /** Time between the goodbye step and closing the memberships of a dissolved group. */
    @WithDefault("PT24H")
    Duration goodbyeGrace();
}
