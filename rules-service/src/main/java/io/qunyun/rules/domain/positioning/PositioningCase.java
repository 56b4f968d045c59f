package io.qunyun.rules.domain.positioning;

/**
 * The fact the GroupPositioning table matches on (inputs) and writes to (outputs). Stages are
 * plain strings so analysts write them as text in the workbook.
 */
public class PositioningCase {

    private final String fromStage;
    private final String toStage;
    private final boolean screened;

    private String type;
    private Integer lifespanHours;
    private String intensity;
    private String primaryMetric;

    public PositioningCase(AidassStage from, AidassStage to, boolean screened) {
        this.fromStage = from.name();
        this.toStage = to.name();
        this.screened = screened;
    }

    public String getFromStage() {
        return fromStage;
    }

    public String getToStage() {
        return toStage;
    }

    public boolean isScreened() {
        return screened;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Integer getLifespanHours() {
        return lifespanHours;
    }

    public void setLifespanHours(Integer lifespanHours) {
        this.lifespanHours = lifespanHours;
    }

    public String getIntensity() {
        return intensity;
    }

    public void setIntensity(String intensity) {
        this.intensity = intensity;
    }

    public String getPrimaryMetric() {
        return primaryMetric;
    }

    public void setPrimaryMetric(String primaryMetric) {
        this.primaryMetric = primaryMetric;
    }
}
