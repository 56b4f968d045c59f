package io.qunyun.member.domain;

import java.util.List;


/** A member's balance with the newest ledger entries that explain it. */
public record PointsStatement(Member member, List<LedgerEntry> entries) {
}
