package io.qunyun.rules.domain;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Memoizes a pure function of a decision's inputs and the table version: valid because a decision depends
 * only on its inputs and on the version of the table. The entries of one activated version live in one
 * Caffeine cache; the first decision of a newly activated version replaces it with an empty one, so no answer
 * of an earlier version outlives its activation, and the inputs alone are the key (no key object is made per
 * decision). A decision that took the version before the switch is answered but not stored; a candidate being
 * checked never touches the cache. Keys must be immutable values holding every input of the table (records of
 * the inputs).
 *
 * <p>Bounded: at most {@code capacity} entries; when full, Caffeine evicts the entry least likely to be asked
 * again (W-TinyLFU), so a drifting set of inputs is still served. 0 disables the cache. An evaluation that
 * throws (a table defect) stores nothing, so it fails again on the next call. Metrics:
 * {@code qunyun.decisions.cache{table,result=hit|miss}} and {@code qunyun.decisions.cache.size{table}}.
 */
public final class DecisionCache<K, V> {

    public static final String METRIC = "qunyun.decisions.cache";

    /** The cached decisions of one activation of the table. */
    private record Generation<K, V>(long activation, Cache<K, V> entries) {
    }

    private final int capacity;
    /** Null until the first decision; replaced, never changed, when a newer activation decides. */
    private volatile Generation<K, V> current;
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
        Gauge.builder(METRIC + ".size", this, DecisionCache::size).tag("table", name)
                .description("Decisions held by the cache").register(registry);
    }

    /**
     * The cached decision of {@code table} (the version the caller took for this decision) for {@code inputs},
     * or {@code evaluate(table, inputs)}, then stored. A static method as {@code evaluate} keeps a hit free of
     * allocation (a lambda capturing the table would be an object per call).
     */
    public V get(CompiledTable table, K inputs, BiFunction<CompiledTable, K, V> evaluate) {
        if (capacity == 0 || table.candidate()) {
            return evaluate.apply(table, inputs); // off, or a candidate being checked
        }
        Generation<K, V> generation = generation(table.activation());
        if (generation == null) {
            return evaluate.apply(table, inputs); // a decision that took the version before the switch
        }
        V cached = generation.entries().getIfPresent(inputs);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        V value = evaluate.apply(table, inputs); // throws: nothing stored
        generation.entries().put(inputs, value);
        return value;
    }

    /** The entries of {@code activation}: a new, empty generation for a newer one; null for an older one. */
    private Generation<K, V> generation(long activation) {
        Generation<K, V> generation = current;
        if (generation != null && generation.activation() == activation) {
            return generation;
        }
        synchronized (this) {
            generation = current;
            if (generation == null || activation > generation.activation()) {
                generation = new Generation<>(activation, Caffeine.newBuilder().maximumSize(capacity)
                        // evictions on the calling thread, right away: the bound holds when put returns,
                        // and no task per write goes to the common pool
                        .executor(Runnable::run).<K, V>build());
                current = generation;
            }
            return generation.activation() == activation ? generation : null;
        }
    }

    /** Decisions held now (after pending evictions). */
    public int size() {
        Generation<K, V> generation = current;
        if (generation == null) {
            return 0;
        }
        generation.entries().cleanUp();
        return (int) generation.entries().estimatedSize();
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
