package io.qunyun.member.domain;

import java.util.List;

import io.qunyun.member.persistence.LedgerEntry;
import io.qunyun.member.persistence.Member;

/** A member's balance with the newest ledger entries that explain it. */
public record PointsStatement(Member member, List<LedgerEntry> entries) {
}
