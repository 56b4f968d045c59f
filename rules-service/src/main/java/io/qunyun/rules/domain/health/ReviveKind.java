package io.qunyun.rules.domain.health;

/** How to revive a group: 红包 red packet, 剧本活动 scripted activity, 主题活动 themed activity. */
public enum ReviveKind {
    RED_PACKET, SCRIPTED_ACTIVITY, THEMED_ACTIVITY
}
