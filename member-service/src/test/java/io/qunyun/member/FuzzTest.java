package io.qunyun.member;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.InjectMock;
import org.junit.jupiter.api.Order;

import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.member.rules.RulesClient;
import io.qunyun.testkit.FuzzContract;

/**
 * member-service's operations fuzzed from its OpenAPI document (see the contract): no 5xx, every error a problem
 * document of docs/errors.md, no write by a rejected request. rules-service answers like its tables (a mock, so
 * it is never "down" and a 503 would be a defect); its own profile keeps the fuzz's members, activities and
 * clock moves out of the other tests.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE) // last of its profile: io.qunyun.testkit.OrderThenClassName
class FuzzTest extends FuzzContract {

    @InjectMock
    @RestClient
    RulesClient rules;

    @BeforeEach
    void rulesAnswer() {
        Memberships.answerStandingLikeTheTable(rules);
    }

}
