package io.qunyun.rules;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.testkit.AuditLogContract;

/** The shared audit log over rules-service's database and migration (platform-testkit AuditLogContract). */
@QuarkusTest
class AuditContractTest extends AuditLogContract {
}
