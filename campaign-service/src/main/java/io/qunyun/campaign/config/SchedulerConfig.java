package io.qunyun.campaign.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Technical tuning of the campaign scheduler; business numbers live in the templates. */
@ConfigMapping(prefix = "qunyun.scheduler")
public interface SchedulerConfig {

    /** How often each instance looks for due timeline rows. */
    @WithDefault("5s")
    Duration interval();

    /** Rows read per look (each is then claimed on its own). */
    @WithDefault("200")
    int claimBatch();

    /** Audience members read and turned into tasks per transaction. */
    @WithDefault("1000")
    int pageSize();

    /** A row fired later than this after its due instant is reported LATE instead of DONE. */
    @WithDefault("PT2M")
    Duration lateAfter();
}
