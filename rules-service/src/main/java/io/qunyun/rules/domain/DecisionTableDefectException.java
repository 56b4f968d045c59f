package io.qunyun.rules.domain;

/** A decision table produced something the service cannot use (overlapping rows, a missing output, a typo). */
public class DecisionTableDefectException extends RuntimeException {

    public DecisionTableDefectException(DecisionTable table, String message) {
        super("Decision table " + table.tableName() + ": " + message);
    }
}
