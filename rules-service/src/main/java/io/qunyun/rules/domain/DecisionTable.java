package io.qunyun.rules.domain;

/**
 * The decision tables this service serves: the one place a table is registered. Each workbook is compiled when the
 * service starts (built-in) or when an analyst uploads a version ({@link TableCompiler}), by the Drools
 * code generator; the sheet named like the table holds the rules (the first sheet is the README for
 * analysts, skipped through the {@code .drl.xlsx.properties} file next to the workbook).
 */
public enum DecisionTable {

    GROUP_POSITIONING("GroupPositioning", "io/qunyun/rules/domain/positioning/GroupPositioning.drl.xlsx",
            "/decisions/positioning"),
    FIVE_W_ONE_H("FiveW1H", "io/qunyun/rules/domain/selfcheck/FiveW1H.drl.xlsx", "/decisions/five-w-one-h"),
    REWARDS("Rewards", "io/qunyun/rules/domain/reward/Rewards.drl.xlsx", "/decisions/reward"),
    TIERS("Tiers", "io/qunyun/rules/domain/tier/Tiers.drl.xlsx", "/decisions/tier"),
    GROUP_HEALTH("GroupHealth", "io/qunyun/rules/domain/health/GroupHealth.drl.xlsx", "/decisions/group-health"),
    TOUCH_STRATEGY("TouchStrategy", "io/qunyun/rules/domain/touch/TouchStrategy.drl.xlsx", "/decisions/touch"),
    // memberships (issue 6, part A)
    ADMISSION("Admission", "io/qunyun/rules/domain/admission/Admission.drl.xlsx", "/decisions/rejoin"),
    MEMBER_STANDING("MemberStanding", "io/qunyun/rules/domain/standing/MemberStanding.drl.xlsx",
            "/decisions/member-standing"),
    // points side of memberships (issue 6, part B)
    POINTS_POLICY("PointsPolicy", "io/qunyun/rules/domain/points/PointsPolicy.drl.xlsx", "/decisions/points-policy"),
    // group lifecycle (issue 8): what the group metrics count
    METRIC_DEFINITIONS("MetricDefinitions", "io/qunyun/rules/domain/metrics/MetricDefinitions.drl.xlsx",
            "/decisions/metric-definitions"),
    // campaign scheduling (issue 7)
    SCHEDULE_POLICY("SchedulePolicy", "io/qunyun/rules/domain/schedule/SchedulePolicy.drl.xlsx",
            "/decisions/schedule-policy");

    private final String tableName;
    private final String resource;
    private final String endpoint;

    DecisionTable(String tableName, String resource, String endpoint) {
        this.tableName = tableName;
        this.resource = resource;
        this.endpoint = endpoint;
    }

    /** The REST endpoint that asks this table (POST, JSON); the regression cases are posted here. */
    public String endpoint() {
        return endpoint;
    }

    /** File name of the workbook, e.g. {@code Rewards.drl.xlsx}. */
    public String fileName() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** The table analysts know by this name, if any. */
    public static java.util.Optional<DecisionTable> byName(String name) {
        for (DecisionTable table : values()) {
            if (table.tableName.equals(name)) {
                return java.util.Optional.of(table);
            }
        }
        return java.util.Optional.empty();
    }

    /** Name analysts know the table by; also the name of the decision sheet in the workbook. */
    public String tableName() {
        return tableName;
    }

    /** Classpath location of the workbook. */
    public String resource() {
        return resource;
    }
}
