package io.qunyun.rules.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Decision-table versions: how often the activations are polled, the limits of an analyst's upload (technical limits
 * against hostile files, not business numbers) and the key that signs the compiled modules stored in the database.
 */
@ConfigMapping(prefix = "qunyun.tables")
public interface TablesConfig {

    /** How often every instance reads which versions are activated ({@code qunyun.tables.poll-interval}). */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * Key of the HMAC-SHA256 over each compiled module stored in {@code decision_table_compiled} ({@code
     * qunyun.tables.signing-key}, env {@code QUNYUN_TABLES_SIGNING_KEY}, at least 32 characters; a Kubernetes secret,
     * never the database). Unset: a random key per process, so a module stored by another process is recompiled.
     */
    Optional<String> signingKey();

    /** Limits of a workbook upload. */
    Upload upload();

    interface Upload {

        /** Largest request body of a workbook upload (413 beyond it). */
        @WithDefault("2097152")
        @Positive
        long maxBytes();

        /** Largest uncompressed entry of the XLSX (a sheet's XML): a zip bomb stops at this size. */
        @WithDefault("16777216")
        @Positive
        long maxEntryBytes();

        /** Smallest compressed/uncompressed ratio of an entry POI accepts (its zip-bomb guard; POI's default is 0.01). */
        @WithDefault("0.02")
        double minInflateRatio();

        /** Most rows of any sheet of an uploaded workbook. */
        @WithDefault("2000")
        @Min(1)
        int maxRows();

        /** Most columns of any row of an uploaded workbook. */
        @WithDefault("64")
        @Min(1)
        int maxColumns();

        /** How long an upload waits for the one compile slot before 503. */
        @WithDefault("5s")
        Duration compileWait();

        /** How long the check of one upload (compile and regression cases) may take before 503. */
        @WithDefault("90s")
        Duration compileTimeout();
    }
}
