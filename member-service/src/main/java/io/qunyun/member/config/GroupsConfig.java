package io.qunyun.member.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qunyun.groups")
public interface GroupsConfig {

    /** Zone of a group this service knows no time zone for (contract: groups default to Asia/Shanghai). */
    @WithDefault("Asia/Shanghai")
    ZoneId defaultTimeZone();
}
