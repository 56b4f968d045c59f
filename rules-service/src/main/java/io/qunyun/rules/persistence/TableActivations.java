package io.qunyun.rules.persistence;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableVersions;

/**
 * Keeps this instance deciding with the version activated in the database. At startup a built-in workbook
 * never seen before (a new release) is stored and activated, then the newest activation of every table is
 * applied; afterwards the activations are polled ({@code qunyun.tables.poll-interval}), so every replica
 * switches shortly after a publish or rollback on any of them, and a restart keeps the published version.
 */
@ApplicationScoped
public class TableActivations {

    private static final Logger LOG = Logger.getLogger(TableActivations.class);

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    TableVersionStore store;

    @Inject
    DecisionTableReleaseRepository releases;

    @Inject
    DecisionTableVersions versions;

    void onStart(@Observes StartupEvent event) {
        for (DecisionTable table : DecisionTable.values()) {
            CompiledTable builtIn = catalog.builtIn(table);
            versions.release(table, builtIn.version(), builtIn.workbook());
        }
        sync();
    }

    @Scheduled(every = "${qunyun.tables.poll-interval:2s}", delayed = "${qunyun.tables.poll-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        sync();
    }

    /** Applies the newest activation of every table whose version differs from the one in use here. */
    public synchronized void sync() {
        Map<String, TableVersionStore.Activation> current = store.current();
        for (DecisionTable table : DecisionTable.values()) {
            TableVersionStore.Activation activation = current.get(table.tableName());
            if (activation == null || activation.version().equals(catalog.active(table).version())) {
                continue;
            }
            try {
                CompiledTable compiled = activation.version().equals(catalog.builtIn(table).version()) ? catalog.builtIn(table)
                        : DecisionTableCatalog.compile(table, store.workbook(table.tableName(), activation.version())
                                .orElseThrow(() -> new IllegalStateException("version not stored")));
                CompiledTable now = catalog.activate(compiled);
                releases.recordServed(table.tableName(), now.version(), now.rules().size());
            } catch (RuntimeException e) {
                // a stored version was checked when uploaded; keep deciding with the version in use and say why
                LOG.errorf(e, "Decision table %s: cannot activate %s (activation %d); still deciding with %s", table.tableName(),
                        activation.version(), activation.id(), catalog.active(table).version());
            }
        }
    }
}
