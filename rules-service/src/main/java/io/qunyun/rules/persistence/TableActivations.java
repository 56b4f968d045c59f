package io.qunyun.rules.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.ModuleSigner;
import io.qunyun.rules.domain.TableCompileException;
import io.qunyun.rules.domain.check.WorkbookGuard;
import io.qunyun.rules.domain.PrebuiltTables;
import io.qunyun.rules.domain.TableCompiler;
import io.qunyun.rules.domain.TableProblem;
import io.qunyun.rules.domain.versions.DecisionTableVersions;

/**
 * Keeps this instance deciding with the version activated in the database. At startup a built-in workbook
 * never seen before (a new release) is stored and activated, then the newest activation of every table is
 * applied; afterwards the activations are polled ({@code qunyun.tables.poll-interval}), so every replica
 * switches shortly after a publish or rollback on any of them, and a restart keeps the published version. A
 * published version is compiled once per build of the service: the first instance that compiles it stores the
 * result ({@link CompiledVersionStore}) with its signature ({@link ModuleSigner}), and the others, or this one after a
 * restart, load it when the signature is theirs; an unsigned or tampered module is compiled again from its workbook.
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

    @Inject
    CompiledVersionStore compiledVersions;

    @Inject
    ModuleSigner signer;

    @Inject
    WorkbookGuard guard;

    /** Published versions this instance loaded as compiled by an instance before it (tests read it). */
    final AtomicInteger loadedCompiled = new AtomicInteger();

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
                        : published(table, activation.version());
                CompiledTable now = catalog.activate(compiled);
                releases.recordServed(table.tableName(), now.version(), now.rules().size());
            } catch (RuntimeException e) {
                // a stored version was checked when uploaded; keep deciding with the version in use and say why
                LOG.errorf(e, "Decision table %s: cannot activate %s (activation %d); still deciding with %s", table.tableName(),
                        activation.version(), activation.id(), catalog.active(table).version());
            }
        }
    }

    /**
     * A published version, ready to decide: loaded as an instance of this build compiled it before (a restart,
     * another replica), else compiled here and stored for the next ones.
     */
    private CompiledTable published(DecisionTable table, String version) {
        byte[] workbook = store.workbook(table.tableName(), version).orElseThrow(() -> new IllegalStateException("version not stored"));
        TableCompiler.Source source = DecisionTableCatalog.source(table, workbook);
        Optional<String> build = PrebuiltTables.build();
        if (build.isPresent()) {
            Optional<CompiledVersionStore.Stored> row = compiledVersions.find(table.tableName(), version, build.get());
            boolean signed = row.isPresent() && signer.verify(row.get().module(), row.get().signature());
            if (row.isPresent() && !signed) {
                LOG.warnf("Decision table %s: the stored compiled %s is not signed by this service's key: compiling it from its "
                        + "workbook", table.tableName(), version);
            }
            Optional<CompiledTable> stored = signed ? PrebuiltTables.load(table, source, row.get().module()) : Optional.empty();
            if (stored.isPresent()) {
                loadedCompiled.incrementAndGet();
                return stored.get();
            }
        }
        // a version stored before the upload checks existed is compiled only if it passes them now
        List<TableProblem> notValues = guard.admit(table, workbook);
        if (!notValues.isEmpty()) {
            throw new TableCompileException(table, notValues);
        }
        long start = System.nanoTime();
        TableCompiler.Module module = TableCompiler.build(Map.of(table, source));
        CompiledTable compiled = TableCompiler.load(module).get(table);
        LOG.infof("Decision table %s: compiled %s in %d ms", table.tableName(), version, (System.nanoTime() - start) / 1_000_000);
        storeCompiled(table, version, module);
        return compiled;
    }

    /** Keeps a stored version as this build compiled it, for every instance to load when it is activated. */
    public void storeCompiled(DecisionTable table, String version, TableCompiler.Module module) {
        Optional<String> build = PrebuiltTables.build();
        if (build.isEmpty()) {
            return; // a build without its prebuilt tables (quarkus:dev) has no key to store under
        }
        try {
            byte[] bytes = PrebuiltTables.write(module);
            compiledVersions.store(table.tableName(), version, build.get(), bytes, signer.sign(bytes));
        } catch (RuntimeException e) {
            // only a cache: an instance that activates the version compiles it
            LOG.warnf(e, "Decision table %s: could not store the compiled %s", table.tableName(), version);
        }
    }
}
