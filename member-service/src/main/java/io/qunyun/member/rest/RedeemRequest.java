package io.qunyun.member.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** @param idempotencyKey the caller's request key: the same key again answers the original redemption */
public record RedeemRequest(@NotNull UUID rewardId, @NotBlank @Size(max = 200) String idempotencyKey) {
}
