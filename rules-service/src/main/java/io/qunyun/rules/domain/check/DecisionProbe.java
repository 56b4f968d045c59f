package io.qunyun.rules.domain.check;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.qunyun.rules.domain.DecisionTable;

/**
 * Asks a table's decision endpoint in process, with the request fields of a regression case, and gives
 * the JSON answer an HTTP client would get; empty when the request itself is invalid (a case about
 * request validation, which no workbook changes). Implemented next to the REST resources.
 */
public interface DecisionProbe {

    Optional<JsonNode> ask(DecisionTable table, Map<String, String> inputs);
}
