package io.qunyun.member.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Registers a member known to a source system (CRM, WeCom, shop, ...). */
public record CreateMemberRequest(
        @NotBlank @Size(max = 64) String sourceSystem,
        @NotBlank @Size(max = 128) String externalId,
        @NotBlank @Size(max = 200) String displayName) {
}
