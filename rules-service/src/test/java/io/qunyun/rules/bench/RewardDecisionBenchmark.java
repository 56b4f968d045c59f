package io.qunyun.rules.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;
import org.drools.ruleunits.api.conf.RuleConfig;
import org.jboss.logmanager.LogContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.RuleUnits;
import io.qunyun.rules.domain.reward.RewardCase;
import io.qunyun.rules.domain.reward.RewardContext;
import io.qunyun.rules.domain.reward.RewardDecision;
import io.qunyun.rules.domain.reward.RewardService;
import io.qunyun.rules.domain.reward.RewardServiceWiring;
import io.qunyun.rules.domain.reward.RewardUnit;

/**
 * Reward decisions per second, all through {@link RewardService#decide(RewardContext)}, the method
 * {@code POST /decisions/reward} and the {@code member-activities} consumer call:
 * <ul>
 * <li>{@link #engine}: the service with its decision cache off ({@code reward-cache-size=0}): every decision
 * is a new instance of the rule unit the service compiles from {@code Rewards.drl.xlsx} at startup, fired
 * once — the rule engine's own speed;</li>
 * <li>{@link #service}: the service as deployed (cache of {@value #CACHE_SIZE} decisions, the default): after
 * the first pass over the mix every decision is a cache hit — memoization of a pure function, not a faster
 * engine;</li>
 * <li>{@link #handWritten}: {@link HandWrittenRewards}, the same table in plain Java, the ceiling.</li>
 * </ul>
 *
 * <p>Runs in a plain JVM, not inside Quarkus: {@link DecisionTableCatalog} compiles the workbooks as the
 * service does at startup. Threads are chosen on the command line ({@code -t 1},
 * {@code -t 2}); the score is decisions per second over all threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
// the log4j factory only silences "Log4j API could not find a logging provider" (POI, reading the catalog)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
        "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory"})
@State(Scope.Benchmark)
public class RewardDecisionBenchmark {

    /** Number of activities in the input mix; a power of two so a thread's cursor wraps with a mask. */
    static final int MIX_SIZE = 4096;
    static final long SEED = 20261121L;

    /** Activity types of the mix, with their weights (%); LIKE is a type the table does not know. */
    static final String[] TYPES = {"CHECK_IN", "SHARE", "CONTENT_POST", "PURCHASE", "AD_SPAM", "LIKE"};
    static final int[] WEIGHTS = {40, 20, 20, 10, 5, 5};
    /** Share (%) of activities that happen inside a group. */
    static final int IN_GROUP_PERCENT = 70;
    /**
     * Share (%) of activities that carry context; the others have none (no streak, phase, tier, offences).
     * Of those with context: check-ins carry a streak of 1..30 days, half are inside a campaign phase, a
     * third name the member's tier, advertising carries 0..4 prior offences.
     */
    static final int CONTEXT_PERCENT = 30;
    static final int PHASE_PERCENT = 50;
    static final int TIER_PERCENT = 33;
    static final String[] PHASES = {"WARM_UP", "BUILD_UP", "CLIMAX", "WRAP_UP"};
    static final String[] TIERS = {"NEWBIE", "ACTIVE", "CORE", "AMBASSADOR"};
    /** The service's default {@code qunyun.decisions.reward-cache-size}. */
    static final int CACHE_SIZE = 10_000;

    RuleUnit<RewardUnit> ruleUnit;
    RewardService engine;
    RewardService service;
    HandWrittenRewards handWritten;
    RewardContext[] mix;

    @Setup(Level.Trial)
    public void setUp() {
        logLikeTheService();
        DecisionTableCatalog catalog = new DecisionTableCatalog();
        ruleUnit = catalog.active(DecisionTable.REWARDS).unit(RewardUnit.class);
        engine = RewardServiceWiring.rewardService(catalog, 0, new SimpleMeterRegistry());
        service = RewardServiceWiring.rewardService(catalog, CACHE_SIZE, new SimpleMeterRegistry());
        handWritten = new HandWrittenRewards(catalog.version(DecisionTable.REWARDS));
        mix = mix(MIX_SIZE, SEED);
        // a fair race: all three give the same answer on every input of the mix
        for (RewardContext a : mix) {
            RewardDecision expected = engine.decide(a);
            RewardDecision cached = service.decide(a);
            RewardDecision actual = handWritten.decide(a);
            if (!expected.equals(actual) || !expected.equals(cached)) {
                throw new IllegalStateException("Decisions disagree on " + a + ": table " + expected + ", cached " + cached
                        + ", hand-written " + actual);
            }
        }
    }

    /** Each thread walks the mix from its own offset. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void start(ThreadParams thread) {
            next = thread.getThreadIndex() * (MIX_SIZE / Math.max(1, thread.getThreadCount()));
        }

        RewardContext take(RewardContext[] mix) {
            return mix[next++ & (MIX_SIZE - 1)];
        }
    }

    @Benchmark
    public RewardDecision engine(Cursor cursor) {
        return engine.decide(cursor.take(mix));
    }

    @Benchmark
    public RewardDecision service(Cursor cursor) {
        return service.decide(cursor.take(mix));
    }

    @Benchmark
    public RewardDecision handWritten(Cursor cursor) {
        return handWritten.decide(cursor.take(mix));
    }

    /**
     * Part of {@link #engine}, for docs/performance.md: creating and closing the rule unit instance
     * (with the listener RuleUnits.fire registers), without inserting or firing anything.
     */
    @Benchmark
    public RuleUnitInstance<RewardUnit> droolsInstanceOnly() {
        RuleConfig config = RuleUnitProvider.get().newRuleConfig();
        config.getAgendaEventListeners().add(new DefaultAgendaEventListener() {
        });
        RuleUnitInstance<RewardUnit> instance = ruleUnit.createInstance(new RewardUnit(), config);
        instance.close();
        return instance;
    }

    /**
     * EXPERIMENT, not the service's code path: {@value #BATCH} activities inserted into one new
     * instance and fired together, as a batch of Kafka records could be. Score × {@value #BATCH} =
     * decisions per second.
     */
    @Benchmark
    public int droolsBatchOf100(Cursor cursor) {
        RewardUnit unit = new RewardUnit();
        for (int i = 0; i < BATCH; i++) {
            unit.getRewards().add(new RewardCase(cursor.take(mix)));
        }
        return RuleUnits.fire(ruleUnit, unit).size();
    }

    static final int BATCH = 100;

    /**
     * A fixed, shuffled mix of activities (see the constants), each string its own instance as after JSON
     * parsing. Every draw is made for every activity, so the mix depends on the seed only.
     */
    static RewardContext[] mix(int size, long seed) {
        Random random = new Random(seed);
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        RewardContext[] activities = new RewardContext[size];
        for (int i = 0; i < size; i++) {
            int pick = random.nextInt(total);
            int t = 0;
            while (pick >= WEIGHTS[t]) {
                pick -= WEIGHTS[t++];
            }
            String type = TYPES[t];
            boolean inGroup = random.nextInt(100) < IN_GROUP_PERCENT;
            boolean context = random.nextInt(100) < CONTEXT_PERCENT;
            int streak = 1 + random.nextInt(30);
            String phase = random.nextInt(100) < PHASE_PERCENT ? PHASES[random.nextInt(PHASES.length)] : null;
            String tier = random.nextInt(100) < TIER_PERCENT ? TIERS[random.nextInt(TIERS.length)] : null;
            int offences = random.nextInt(5);
            activities[i] = context
                    ? new RewardContext(new String(type), inGroup, type.equals("CHECK_IN") ? streak : null,
                            phase == null ? null : new String(phase), tier == null ? null : new String(tier),
                            type.equals("AD_SPAM") ? offences : 0)
                    : RewardContext.of(new String(type), inGroup);
        }
        return activities;
    }

    /**
     * INFO, as in the service ({@code quarkus.log.level=INFO}). Outside Quarkus the JBoss log manager
     * starts at ALL: Drools would format a trace message for every row it fires, which the service never does.
     */
    static void logLikeTheService() {
        LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
        if (org.slf4j.LoggerFactory.getLogger("org.drools").isDebugEnabled()) {
            throw new IllegalStateException("Drools logs at DEBUG: the benchmark would measure logging");
        }
    }
}
