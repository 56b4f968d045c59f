package io.qunyun.rules.domain.check;

import io.qunyun.rules.domain.DecisionTableSheet;

/** A rule row, compiled: per condition (null = empty cell = any) the cell's value. */
record CompiledRule(DecisionTableSheet.Rule rule, Object[] params, int priority) {
}
