package io.qunyun.campaign;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.testkit.AuditLogContract;

/** The shared audit log over campaign-service's database and migration (platform-testkit AuditLogContract). */
@QuarkusTest
class AuditContractTest extends AuditLogContract {
}
