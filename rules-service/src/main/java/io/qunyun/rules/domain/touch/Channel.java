package io.qunyun.rules.domain.touch;

/** Where a touch happens: group post, 1:1 chat, WeChat moments, offline. */
public enum Channel {
    GROUP_POST, ONE_ON_ONE_CHAT, MOMENTS, OFFLINE
}
