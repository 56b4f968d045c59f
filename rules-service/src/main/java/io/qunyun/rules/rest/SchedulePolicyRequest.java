package io.qunyun.rules.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.schedule.Platform;

@Schema(description = "A campaign template and the platform of the group it starts on")
public record SchedulePolicyRequest(
        @NotBlank @Size(max = 100) @Schema(required = true, example = "conversion-camp-30d") String template,
        @NotNull @Schema(required = true, description = "Where the group lives") Platform platform) {
}
