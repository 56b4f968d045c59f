package io.qunyun.rules.domain.check;

import java.util.List;

/**
 * One input of a table: a field of the fact, the values the checker tries, and whether those were declared
 * ({@code qunyun.values.<field>}, so a cell outside them is a typo) or gathered from the table.
 */
record InputDomain(String field, Class<?> type, List<Object> values, boolean declared) {
}
