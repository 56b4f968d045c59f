package io.qunyun.member.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the identity and merge endpoints of {@link MemberResource}. */
public final class IdentityDtos {

    private IdentityDtos() {
    }

    public record IdentityRequest(@NotBlank @Size(max = 64) String sourceSystem,
            @NotBlank @Size(max = 128) String externalId) {
    }

    public record Identity(String sourceSystem, String externalId) {
    }

    public record MergeRequest(@NotNull UUID from) {
    }

}
