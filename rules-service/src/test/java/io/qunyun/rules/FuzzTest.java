package io.qunyun.rules;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.qunyun.testkit.FuzzContract;

/**
 * rules-service's operations fuzzed from its OpenAPI document (see the contract): no 5xx, every error a problem
 * document of docs/errors.md, no write by a rejected request. Its own profile: a fresh database, and the table
 * versions a fuzzed publish or rollback may leave stay out of the other tests.
 */
@QuarkusTest
@TestProfile(FuzzTest.Fuzzing.class)
class FuzzTest extends FuzzContract {

    public static class Fuzzing implements QuarkusTestProfile {
    }
}
