package io.qunyun.rules;

import io.quarkus.test.common.QuarkusTestResource;
import io.qunyun.testkit.KafkaBrokerResource;

/**
 * The in-JVM Kafka broker of every @QuarkusTest of this module, declared once: an unrestricted test resource
 * applies to every test class, so they all share one set of resources and Quarkus boots once per profile.
 * Topics are created on first use.
 */
@QuarkusTestResource(KafkaBrokerResource.class)
final class InJvmKafka {

    private InJvmKafka() {
    }
}
