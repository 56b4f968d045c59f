package io.qunyun.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.qunyun.member.domain.RedemptionService;

/** @param balance the member's balance right after this redemption */
public record RedemptionResponse(UUID redemptionId, UUID memberId, UUID rewardId, String rewardCode, int cost,
        long balance, Instant redeemedAt) {

    static RedemptionResponse of(RedemptionService.Redeemed redeemed) {
        return new RedemptionResponse(redeemed.redemption().id, redeemed.redemption().memberId,
                redeemed.reward().id, redeemed.reward().code, redeemed.redemption().cost, redeemed.balance(),
                redeemed.redemption().redeemedAt);
    }
}
