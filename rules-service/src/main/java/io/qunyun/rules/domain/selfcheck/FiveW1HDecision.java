package io.qunyun.rules.domain.selfcheck;

import java.util.List;

/** Outcome of the FiveW1H table: blocked when any finding is a BLOCK. */
public record FiveW1HDecision(boolean blocked, List<Finding> findings, String tableVersion, List<String> firedRules) {
}
