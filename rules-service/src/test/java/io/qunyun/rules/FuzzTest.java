package io.qunyun.rules;

import org.junit.jupiter.api.Order;

import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.testkit.FuzzContract;

/**
 * rules-service's operations fuzzed from its OpenAPI document (see the contract): no 5xx, every error a problem
 * document of docs/errors.md, no write by a rejected request. It runs last in the main profile, so the table
 * versions a fuzzed publish or rollback may leave reach no other test.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE) // last of its profile: io.qunyun.testkit.OrderThenClassName
class FuzzTest extends FuzzContract {
}
