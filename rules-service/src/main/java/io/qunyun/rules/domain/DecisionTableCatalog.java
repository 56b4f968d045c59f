package io.qunyun.rules.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * The decision tables as compiled into this build, read once from the workbooks on the classpath:
 * version (SHA-256 of the workbook bytes), rule rows with their priorities (of every RuleTable of the
 * decision sheet), and the hit policy declared next to the workbook ({@code qunyun.hit-policy} in
 * {@code <Name>.drl.xlsx.properties}), which applies to each RuleTable of the sheet separately.
 */
@ApplicationScoped
public class DecisionTableCatalog {

    private static final Logger LOG = Logger.getLogger(DecisionTableCatalog.class);

    /** Key of the hit policy in the workbook's properties file. */
    public static final String HIT_POLICY = "qunyun.hit-policy";

    private record Loaded(TableInfo info, byte[] workbook, Map<String, Integer> priorities) {
    }

    private final Map<DecisionTable, Loaded> tables = new EnumMap<>(DecisionTable.class);

    public DecisionTableCatalog() {
        for (DecisionTable table : DecisionTable.values()) {
            byte[] workbook = read(table.resource());
            // every RuleTable of the decision sheet counts (Tiers: TierWeights and Tiers)
            List<DecisionTableSheet> sheet = DecisionTableSheet.read(workbook, table.tableName());
            HitPolicy policy = hitPolicy(table, properties(table));
            tables.put(table, new Loaded(new TableInfo(table, "sha256:" + sha256(workbook),
                    DecisionTableSheet.rules(sheet).size(), policy), workbook, DecisionTableSheet.priorities(sheet)));
        }
    }

    public TableInfo info(DecisionTable table) {
        return tables.get(table).info();
    }

    public String version(DecisionTable table) {
        return info(table).version();
    }

    public HitPolicy hitPolicy(DecisionTable table) {
        return info(table).hitPolicy();
    }

    public List<TableInfo> all() {
        return tables.values().stream().map(Loaded::info).toList();
    }

    /** The bytes of the workbook this build compiled (a copy). */
    public byte[] workbook(DecisionTable table) {
        return tables.get(table).workbook().clone();
    }

    /**
     * Which fired row decides, by the table's hit policy: none when nothing fired; with UNIQUE the only
     * fired row; with PRIORITY the fired row of highest priority. Overlapping rows under UNIQUE, or
     * several fired rows sharing the top priority, are table defects: never a silent pick.
     */
    public String decidingRow(DecisionTable table, List<String> fired) {
        if (fired.isEmpty()) {
            return null;
        }
        Loaded loaded = tables.get(table);
        switch (loaded.info().hitPolicy()) {
            case UNIQUE -> {
                if (fired.size() > 1) {
                    throw new DecisionTableDefectException(table, "hit policy UNIQUE but rows overlap: " + fired);
                }
                return fired.get(0);
            }
            case PRIORITY -> {
                int top = Integer.MIN_VALUE;
                List<String> best = new ArrayList<>();
                for (String rule : fired) {
                    Integer priority = loaded.priorities().get(rule);
                    if (priority == null) {
                        throw new DecisionTableDefectException(table, "fired row '" + rule + "' is not in the workbook");
                    }
                    if (priority > top) {
                        top = priority;
                        best.clear();
                    }
                    if (priority == top) {
                        best.add(rule);
                    }
                }
                if (best.size() > 1) {
                    throw new DecisionTableDefectException(table, "rows " + best + " all match with the same priority " + top
                            + ": give them different priorities");
                }
                return best.get(0);
            }
            default -> throw new IllegalStateException(table.tableName() + " has hit policy COLLECT: every fired row applies");
        }
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
