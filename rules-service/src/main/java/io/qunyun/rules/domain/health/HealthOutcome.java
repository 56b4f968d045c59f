package io.qunyun.rules.domain.health;

/** What one fired GroupHealth row said. */
public record HealthOutcome(String rule, Verdict verdict, ReviveKind reviveKind, String message) {
}
