package io.qunyun.member;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.qunyun.testkit.KafkaBrokerResource;

/**
 * The in-JVM Kafka broker of every @QuarkusTest and @QuarkusIntegrationTest of this module, declared once: an
 * unrestricted test resource applies to every test class, so they all share one set of resources and Quarkus
 * boots once per profile. The topics member-service reads and writes exist before it starts (see
 * {@link KafkaBrokerResource}: a test consumer may otherwise miss a partition of an auto-created topic).
 */
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = KafkaBrokerResource.TOPICS,
        value = "member-activities,member-growth,member-stage-changes,membership-events,"
                + "reward-decisions,reward-decisions-dlq,tier-decisions,tier-decisions-dlq,"
                + "group-changes,group-changes-dlq,campaign-phase-changed,campaign-phase-changed-dlq"))
final class InJvmKafka {

    private InJvmKafka() {
    }
}
