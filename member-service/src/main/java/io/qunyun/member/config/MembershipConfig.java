package io.qunyun.member.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Memberships: the role catalogue and the standing sweep (technical settings; business rules are in tables). */
@ConfigMapping(prefix = "qunyun.memberships")
public interface MembershipConfig {

    /**
     * A roles CSV that replaces the one shipped in the jar (roles.csv), so analysts can add roles
     * without a build: code,staff,reviewer,name_zh,name_en.
     */
    Optional<String> rolesFile();

    /** Memberships evaluated per worker transaction. */
    @WithDefault("200")
    int standingBatchSize();

    /** After an evaluation, when the membership is evaluated again without new activity (recency moves on). */
    @WithDefault("P1D")
    Duration standingRecheck();
}
