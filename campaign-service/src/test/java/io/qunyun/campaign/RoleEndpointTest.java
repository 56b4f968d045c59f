package io.qunyun.campaign;

import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.testkit.RoleEndpointContract;

/** Every operation of campaign-service's OpenAPI document by role: 401, 403, or through (see the contract). */
@QuarkusTest
class RoleEndpointTest extends RoleEndpointContract {
}
