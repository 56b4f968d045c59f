package io.qunyun.rules.domain.selfcheck;

/** One finding of the 5W1H self-check; {@code rule} names the table row that produced it. */
public record Finding(Severity severity, String code, String message, String rule) {
}
