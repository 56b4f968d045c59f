package io.qunyun.rules.domain.touch;

import java.util.ArrayList;
import java.util.List;

import io.qunyun.rules.domain.positioning.GroupType;

/**
 * The fact the TouchStrategy table matches on. Wildcard rows overlap specific ones; each fired row
 * writes its outputs and {@link #closeRow(String)} records them, highest priority first.
 */
public class TouchCase {

    private final String stage;
    private final String layer;
    private final String groupType;

    private String action;
    private String channel;
    private String ownerRole;
    private String priority;
    private final List<TouchOutcome> outcomes = new ArrayList<>();

    public TouchCase(RelationshipStage stage, CircleLayer layer, GroupType groupType) {
        this.stage = stage.name();
        this.layer = layer.name();
        this.groupType = groupType == null ? null : groupType.name();
    }

    public String getStage() {
        return stage;
    }

    public String getLayer() {
        return layer;
    }

    public String getGroupType() {
        return groupType;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public void setOwnerRole(String ownerRole) {
        this.ownerRole = ownerRole;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    /** Called right after a row fired: that row must have set all four outputs. */
    void closeRow(String rule) {
        if (action == null || action.isBlank() || channel == null || ownerRole == null || priority == null) {
            throw new IllegalStateException("row '" + rule + "' must set action, channel, owner role and priority");
        }
        outcomes.add(new TouchOutcome(rule, action.trim(), parse(Channel.class, channel, "channel", rule),
                parse(OwnerRole.class, ownerRole, "owner role", rule),
                parse(TouchPriority.class, priority, "touch priority", rule)));
        action = null;
        channel = null;
        ownerRole = null;
        priority = null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String column, String rule) {
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("row '" + rule + "' has unknown " + column + " '" + value + "'");
        }
    }

    List<TouchOutcome> outcomes() {
        return outcomes;
    }

    /** The outputs the named row wrote when it fired. */
    TouchOutcome outcome(String rule) {
        return outcomes.stream().filter(o -> o.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new IllegalStateException("row '" + rule + "' did not fire"));
    }
}
