package io.qunyun.rules.domain.positioning;

/**
 * The fact the GroupPositioning table matches on (inputs) and writes to (outputs). Stages are
 * plain strings so analysts write them as text in the workbook.
 */
public class PositioningCase {

    /** The outputs one row wrote. */
    public record Outputs(String type, Integer lifespanHours, String intensity, String primaryMetric) {
    }

    private final String fromStage;
    private final String toStage;
    private final boolean screened;
    private final boolean paidEntry;
    private final boolean regional;
    private final boolean partnership;
    private final Integer plannedHours;

    private String type;
    private Integer lifespanHours;
    private String intensity;
    private String primaryMetric;

    public PositioningCase(AidassStage from, AidassStage to, PositioningHints hints) {
        this.fromStage = from.name();
        this.toStage = to.name();
        this.screened = hints.screened();
        this.paidEntry = hints.paidEntry();
        this.regional = hints.regional();
        this.partnership = hints.partnership();
        this.plannedHours = hints.plannedHours();
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

    public boolean isPaidEntry() {
        return paidEntry;
    }

    public boolean isRegional() {
        return regional;
    }

    public boolean isPartnership() {
        return partnership;
    }

    public Integer getPlannedHours() {
        return plannedHours;
    }

    public void setType(String type) {
        this.type = type;
    }

    public void setLifespanHours(Integer lifespanHours) {
        this.lifespanHours = lifespanHours;
    }

    public void setIntensity(String intensity) {
        this.intensity = intensity;
    }

    public void setPrimaryMetric(String primaryMetric) {
        this.primaryMetric = primaryMetric;
    }

    /** What the row that just fired wrote; clears the outputs for the next row. */
    Outputs takeOutputs() {
        Outputs outputs = new Outputs(type, lifespanHours, intensity, primaryMetric);
        type = null;
        lifespanHours = null;
        intensity = null;
        primaryMetric = null;
        return outputs;
    }
}
