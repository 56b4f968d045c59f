package io.qunyun.member.domain;

/** One valid row of a roster file; {@code row} is its 1-based position after the header. */
public record RosterRow(int row, String sourceSystem, String externalId, String displayName) {
}
