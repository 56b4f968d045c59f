package io.qunyun.member.domain;

/** Why a ledger row exists. The ledger is append-only: every change of a balance is a new row. */
public enum LedgerKind {
    /** A reward decision credited (possibly capped to 0 points). */
    REWARD,
    /** The still unspent points of an earlier REWARD row that expired (PointsExpiry table). */
    EXPIRY,
    /** Points spent on a catalogue reward. */
    REDEMPTION,
    /** Points moved between two member records when they were merged. */
    TRANSFER
}
