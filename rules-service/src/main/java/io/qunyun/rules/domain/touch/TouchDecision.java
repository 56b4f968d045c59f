package io.qunyun.rules.domain.touch;

import java.util.List;

/**
 * Outcome of the TouchStrategy table: the highest-priority matching row decides.
 *
 * @param decidedBy  name of the row that decided
 * @param firedRules every matching row, highest priority first
 */
public record TouchDecision(String action, Channel channel, OwnerRole ownerRole, TouchPriority priority,
        String decidedBy, String tableVersion, List<String> firedRules) {
}
