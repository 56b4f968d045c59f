package io.qunyun.campaign.domain;

/** Where the group lives (the WHERE of 5W1H is free text on top of this). */
public enum Platform {
    WECHAT, WECOM, QQ, DINGTALK, FEISHU, OFFLINE, OTHER
}
