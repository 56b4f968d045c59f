package io.qunyun.rules.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

/**
 * The decision tables this service decides with: per table the version in use, compiled and immutable
 * ({@link CompiledTable}). At startup every built-in workbook (the one in the jar, the default) is loaded as the
 * build compiled it ({@link PrebuiltTables}; compiled here when that does not match the workbooks);
 * a published version replaces it through {@link #activate}, atomically: a decision takes
 * {@link #active} once and is computed entirely by that version. The hit policy is declared next to the
 * built-in workbook ({@code qunyun.hit-policy} in {@code <Name>.drl.xlsx.properties}) and applies to every
 * version of the table, to each RuleTable of its sheet separately.
 */
@Singleton // not @ApplicationScoped: a client proxy would run the constructor (and compile every table) a second time
public class DecisionTableCatalog {

    private static final Logger LOG = Logger.getLogger(DecisionTableCatalog.class);

    /** Key of the hit policy in the workbook's properties file. */
    public static final String HIT_POLICY = "qunyun.hit-policy";

    private final Map<DecisionTable, CompiledTable> builtIn = new EnumMap<>(DecisionTable.class);
    private final Map<DecisionTable, CompiledTable> active = new ConcurrentHashMap<>();
    private final AtomicLong activations = new AtomicLong();
    /** Candidates being checked on this thread (regression cases of an upload): they answer instead of the active version. */
    private static final ThreadLocal<Map<DecisionTable, CompiledTable>> CANDIDATES = ThreadLocal.withInitial(HashMap::new);

    public DecisionTableCatalog() {
        this(true);
    }

    /**
     * @param prebuilt use the built-in tables compiled at build time ({@link PrebuiltTables}) when they match the
     *                 workbooks; false compiles them here (tests compare the two)
     */
    DecisionTableCatalog(boolean prebuilt) {
        long start = System.nanoTime();
        Map<DecisionTable, TableCompiler.Source> sources = builtInSources();
        Optional<Map<DecisionTable, CompiledTable>> built = prebuilt ? PrebuiltTables.load(sources) : Optional.empty();
        (built.isPresent() ? built.get() : TableCompiler.compileAll(sources)).forEach((table, compiled) -> {
            CompiledTable first = compiled.withActivation(activations.incrementAndGet(), false);
            builtIn.put(table, first);
            active.put(table, first);
        });
        LOG.infof("%s %d built-in decision tables in %d ms", built.isPresent() ? "Loaded (compiled at build time)" : "Compiled",
                builtIn.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Every built-in workbook (in the jar) with its table's hit policy. */
    static Map<DecisionTable, TableCompiler.Source> builtInSources() {
        Map<DecisionTable, TableCompiler.Source> sources = new EnumMap<>(DecisionTable.class);
        for (DecisionTable table : DecisionTable.values()) {
            sources.put(table, new TableCompiler.Source(read(table.resource()), hitPolicy(table, properties(table))));
        }
        return sources;
    }

    /** A workbook of {@code table} with the table's hit policy, to compile. */
    public static TableCompiler.Source source(DecisionTable table, byte[] workbook) {
        return new TableCompiler.Source(workbook, hitPolicy(table, properties(table)));
    }

    /** The version a decision of {@code table} uses now: take it once per decision. */
    public CompiledTable active(DecisionTable table) {
        CompiledTable candidate = CANDIDATES.get().get(table);
        return candidate != null ? candidate : active.get(table);
    }

    /** The workbook built into this service (the default version). */
    public CompiledTable builtIn(DecisionTable table) {
        return builtIn.get(table);
    }

    /** Makes {@code compiled} the version in use; decisions already running finish with the version they took. */
    public CompiledTable activate(CompiledTable compiled) {
        CompiledTable next = compiled.withActivation(activations.incrementAndGet(), false);
        CompiledTable previous = active.put(compiled.table(), next);
        if (previous == null || !previous.version().equals(next.version())) {
            LOG.infof("Decision table %s: now deciding with %s (was %s)", next.table().tableName(), next.version(),
                    previous == null ? "none" : previous.version());
        }
        return next;
    }

    /** Runs {@code work} on this thread with {@code candidate} answering for its table (checking an upload). */
    public <T> T withCandidate(CompiledTable candidate, Supplier<T> work) {
        Map<DecisionTable, CompiledTable> candidates = CANDIDATES.get();
        CompiledTable before = candidates.put(candidate.table(), candidate.withActivation(-1, true));
        try {
            return work.get();
        } finally {
            if (before == null) {
                candidates.remove(candidate.table());
            } else {
                candidates.put(candidate.table(), before);
            }
        }
    }

    public TableInfo info(DecisionTable table) {
        return active(table).info();
    }

    public String version(DecisionTable table) {
        return active(table).version();
    }

    public HitPolicy hitPolicy(DecisionTable table) {
        return active(table).hitPolicy();
    }

    public List<TableInfo> all() {
        return java.util.Arrays.stream(DecisionTable.values()).map(this::info).toList();
    }

    /** The bytes of the workbook in use (a copy). */
    public byte[] workbook(DecisionTable table) {
        return active(table).workbook().clone();
    }

    static HitPolicy hitPolicy(DecisionTable table, Properties properties) {
        String value = properties.getProperty(HIT_POLICY);
        if (value == null || value.isBlank()) {
            LOG.warnf("%s.properties declares no %s: treating %s as UNIQUE", table.resource(), HIT_POLICY, table.tableName());
            return HitPolicy.UNIQUE;
        }
        try {
            return HitPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(table.resource() + ".properties: " + HIT_POLICY + "=" + value
                    + " is not one of UNIQUE, PRIORITY, COLLECT");
        }
    }

    /** The {@code .drl.xlsx.properties} file next to the workbook (empty when there is none). */
    public static Properties properties(DecisionTable table) {
        Properties properties = new Properties();
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(table.resource() + ".properties");
        if (in == null) {
            return properties;
        }
        try (in) {
            properties.load(new StringReader(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + table.resource() + ".properties", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Decision table workbook not on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
