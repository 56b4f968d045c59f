package io.qunyun.rules.domain.schedule;

/** Where a group lives, as campaign-service names it (SchedulePolicy's platform column). */
public enum Platform {
    WECHAT, WECOM, QQ, DINGTALK, FEISHU, OFFLINE, OTHER
}
