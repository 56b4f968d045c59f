package io.qunyun.rules.domain.check;

import io.qunyun.rules.domain.DecisionTableSheet;

/** A condition column of the sheet: its snippet, read, and the index of the input it tests. */
record ConditionColumn(DecisionTableSheet.Column column, ConditionSnippet snippet, int input) {
}
