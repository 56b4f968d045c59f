package io.qunyun.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.qunyun.member.domain.Member;

/**
 * @param tier          the tier last applied from the Tiers table; null before the first decision
 * @param tierBenefits  the benefits that come with it (中文 / English)
 * @param pointsBalance points that can be redeemed now
 */
public record MemberResponse(UUID id, String sourceSystem, String externalId, String displayName, Instant createdAt,
        String tier, String tierBenefits, long pointsBalance) {

    static MemberResponse of(Member member) {
        return new MemberResponse(member.id, member.sourceSystem, member.externalId, member.displayName,
                member.createdAt, member.tier, member.tierBenefits, member.pointsBalance);
    }
}
