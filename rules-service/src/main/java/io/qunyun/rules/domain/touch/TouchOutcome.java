package io.qunyun.rules.domain.touch;

/** What one fired TouchStrategy row said. */
public record TouchOutcome(String rule, String action, Channel channel, OwnerRole ownerRole, TouchPriority priority) {
}
