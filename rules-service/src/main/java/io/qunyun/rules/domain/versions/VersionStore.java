package io.qunyun.rules.domain.versions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port of the stored versions of the decision tables (workbook bytes, who uploaded them, their check) and of
 * the activations (which version decides, newest per table wins). Both are append-only logs every replica
 * reads; the persistence adapter writes in the caller's transaction.
 */
public interface VersionStore {

    /** One stored version, without its workbook bytes. */
    record Version(String table, String version, String uploadedBy, OffsetDateTime uploadedAt, boolean compiled,
            boolean complete, boolean casesPassed) {
    }

    record Activation(long id, String table, String version, String activatedBy, OffsetDateTime activatedAt) {
    }

    /** Stores a version unless it is already stored (same bytes = same version); true when it was new. */
    boolean store(String table, String version, byte[] workbook, String uploadedBy, boolean compiled, boolean complete,
            boolean casesPassed, String checkResult);

    Activation activate(String table, String version, String by);

    Optional<Version> version(String table, String version);

    Optional<byte[]> workbook(String table, String version);

    Optional<String> checkResult(String table, String version);

    /** Versions of a table, newest upload first. */
    List<Version> versions(String table);

    /** Activations of a table, newest first. */
    List<Activation> activations(String table);

    /** The newest activation of every table that has one. */
    Map<String, Activation> current();
}
