package io.qunyun.rules.domain;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Memoizes a pure function of a decision's inputs and the table version: valid because a decision depends
 * only on its inputs and on the version of the table. Entries are keyed by version and inputs, and the
 * first decision of a newly activated version empties the cache, so no answer of an earlier version
 * outlives its activation. A candidate being checked never touches the cache.
 * Keys must be immutable values holding every input of the table (records of the inputs).
 *
 * <p>Bounded without eviction: at most {@code capacity} entries; once full, new inputs are computed every
 * time and never stored (answers stay correct, only slower). 0 disables the cache. An evaluation that throws
 * (a table defect) stores nothing, so it fails again on the next call. Metrics:
 * {@code qunyun.decisions.cache{table,result=hit|miss}} and {@code qunyun.decisions.cache.size{table}}.
 */
public final class DecisionCache<K, V> {

    public static final String METRIC = "qunyun.decisions.cache";

    private final int capacity;
    private record Key<K>(String version, K inputs) {
    }

    private final ConcurrentHashMap<Key<K>, V> entries = new ConcurrentHashMap<>();
    /** Activation of the version the entries belong to; only moves forward. */
    private volatile long activation = Long.MIN_VALUE;
    /** Entries stored plus insertions in progress; never above capacity. */
    private final AtomicInteger reserved = new AtomicInteger();
    // counted here and read by Micrometer only when metrics are scraped: no Micrometer call per decision
    // (a Micrometer Counter took a quarter of the samples of a cache hit, docs/performance.md)
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public DecisionCache(DecisionTable table, int capacity, MeterRegistry registry) {
        if (capacity < 0) {
            throw new IllegalArgumentException(table.tableName() + " decision cache size must be 0 (off) or more, not " + capacity);
        }
        this.capacity = capacity;
        String name = table.tableName();
        FunctionCounter.builder(METRIC, hits, LongAdder::sum).tag("table", name).tag("result", "hit")
                .description("Decisions answered from the cache of earlier decisions with the same inputs")
                .register(registry);
        FunctionCounter.builder(METRIC, misses, LongAdder::sum).tag("table", name).tag("result", "miss")
                .description("Decisions the rule engine evaluated because the cache held no decision for these inputs")
                .register(registry);
        Gauge.builder(METRIC + ".size", entries, ConcurrentHashMap::size).tag("table", name)
                .description("Decisions held by the cache").register(registry);
    }

    /**
     * The cached decision of {@code table} (the version the caller took for this decision) for {@code inputs},
     * or {@code evaluate(inputs)}, stored if there is room.
     */
    public V get(CompiledTable table, K inputs, Function<K, V> evaluate) {
        if (capacity == 0 || table.candidate() || table.activation() < activation) {
            return evaluate.apply(inputs); // off, a candidate, or a decision that took the version before the switch
        }
        if (table.activation() > activation) {
            synchronized (this) {
                if (table.activation() > activation) {
                    entries.clear();
                    reserved.set(0);
                    activation = table.activation();
                }
            }
        }
        Key<K> key = new Key<>(table.version(), inputs);
        V cached = entries.get(key);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        V value = evaluate.apply(inputs); // throws: nothing stored
        if (reserved.get() < capacity) {
            if (reserved.incrementAndGet() <= capacity) {
                if (entries.putIfAbsent(key, value) != null) {
                    reserved.decrementAndGet(); // another thread stored it first
                }
            } else {
                reserved.decrementAndGet(); // full after all
            }
        }
        return value;
    }

    public int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }
}
