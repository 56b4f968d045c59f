package io.qunyun.rules.domain.versions;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.platform.audit.Actor;
import io.qunyun.rules.domain.audit.AuditActions;
import io.qunyun.platform.audit.AuditLog;
import io.qunyun.rules.domain.check.WorkbookCheck;
import io.qunyun.rules.domain.versions.VersionStore.Activation;
import io.qunyun.rules.domain.versions.VersionStore.Version;

/**
 * The changes to the decision tables: an analyst's upload, a publication or rollback (an activation), and a
 * new release's built-in workbook at startup. Each writes its rows and its audit entry in one transaction, so
 * the audit log shows exactly the versions stored and activated, by whom.
 */
@ApplicationScoped
public class DecisionTableVersions {

    @Inject
    VersionStore store;

    @Inject
    AuditLog audit;

    /** Stores an uploaded workbook with its check; false (and nothing recorded) when that version was stored before. */
    @Transactional
    public boolean upload(DecisionTable table, WorkbookCheck.Result check, byte[] workbook, String checkJson,
            String uploadedBy) {
        boolean stored = store.store(table.tableName(), check.version(), workbook, uploadedBy, check.compiled(),
                check.complete(), check.casesPassed(), checkJson);
        if (stored) {
            audit.record(AuditActions.TABLE_UPLOADED, table.tableName(), AuditLog.detail("version", check.version(),
                    "compiled", check.compiled(), "complete", check.complete(), "casesPassed", check.casesPassed(),
                    "bytes", workbook.length));
        }
        return stored;
    }

    /**
     * Makes a stored version the one every instance decides with. Going to a version uploaded before the one
     * in use (the built-in one included) is a rollback, any other activation a publication.
     */
    @Transactional
    public Activation activate(DecisionTable table, String version, String activatedBy, boolean confirmedChangedDecisions) {
        String name = table.tableName();
        Optional<Activation> current = store.activations(name).stream().findFirst();
        boolean rollback = current.isPresent() && uploadedBefore(name, version, current.get().version());
        Activation activation = store.activate(name, version, activatedBy);
        audit.record(rollback ? AuditActions.TABLE_ROLLED_BACK : AuditActions.TABLE_PUBLISHED, name,
                AuditLog.detail("version", version, "previousVersion", current.map(Activation::version).orElse(null),
                        "activationId", activation.id(), "confirmedChangedDecisions",
                        confirmedChangedDecisions ? Boolean.TRUE : null));
        return activation;
    }

    /** At startup: a built-in workbook never stored before (a new release) is stored and becomes the version in use. */
    @Transactional
    public void release(DecisionTable table, String version, byte[] workbook) {
        String name = table.tableName();
        if (store.store(name, version, workbook, "release", true, true, true, "{}")) {
            Activation activation = store.activate(name, version, "release");
            audit.record(Actor.startup("release"), AuditActions.TABLE_RELEASED, name,
                    AuditLog.detail("version", version, "activationId", activation.id()));
        }
    }

    private boolean uploadedBefore(String table, String version, String inUse) {
        List<Version> versions = store.versions(table);
        Optional<Version> target = versions.stream().filter(v -> v.version().equals(version)).findFirst();
        Optional<Version> current = versions.stream().filter(v -> v.version().equals(inUse)).findFirst();
        return target.isPresent() && current.isPresent() && target.get().uploadedAt().isBefore(current.get().uploadedAt());
    }
}
