package io.qunyun.member.domain;

import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

import io.qunyun.member.config.GroupsConfig;

/**
 * Every group in the default zone (qunyun.groups.default-time-zone, Asia/Shanghai) until a bean that
 * knows the groups (the group replica fed by group-changes) replaces this one: @DefaultBean steps
 * aside as soon as another GroupTimeZones bean exists.
 */
@DefaultBean
@ApplicationScoped
public class DefaultGroupTimeZones implements GroupTimeZones {

    private final ZoneId defaultZone;

    DefaultGroupTimeZones(GroupsConfig config) {
        this.defaultZone = config.defaultTimeZone();
    }

    @Override
    public ZoneId of(UUID groupId) {
        return defaultZone;
    }
}
