package io.qunyun.it;

import java.util.Map;

import io.qunyun.testkit.KafkaBrokerResource;
import io.qunyun.testkit.TestTokens;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * The whole platform for PlatformIT: a real KRaft broker in the test JVM, the real PostgreSQL
 * (the *_test databases, cleaned first), and the three services as child processes from their
 * packaged jars; campaign-service runs with the demo profile (prod settings, virtual clock).
 */
final class PlatformResource {

    static EmbeddedKafkaBroker broker;
    static ServiceProcess rules;
    static ServiceProcess members;
    static ServiceProcess campaign;

    private PlatformResource() {
    }

    static void start() {
        broker = KafkaBrokerResource.newBroker();
        String bootstrap = broker.getAdvertisedListeners();
        rules = new ServiceProcess("rules-service", serviceProperties("qunyun_rules_test", bootstrap)).start();
        Map<String, String> member = new java.util.HashMap<>(serviceProperties("qunyun_member_test", bootstrap));
        member.put("quarkus.rest-client.rules-service.url", rules.url());
        members = new ServiceProcess("member-service", member).start();

        Map<String, String> campaignProperties = new java.util.HashMap<>(serviceProperties("qunyun_campaign_test", bootstrap));
        campaignProperties.put("quarkus.profile", "demo");
        campaignProperties.put("quarkus.rest-client.rules-service.url", rules.url());
        campaignProperties.put("quarkus.rest-client.member-service.url", members.url());
        campaign = new ServiceProcess("campaign-service", campaignProperties).start();
    }

    static Map<String, String> serviceProperties(String database, String bootstrap) {
        String host = System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("DB_PORT", "5432");
        return Map.of(
                // prod profile: tokens are verified with the test key and issuer, calls to the other services carry
                // an integration token (docs/operations.md, "Security")
                "OIDC_PUBLIC_KEY", TestTokens.publicKey(),
                "OIDC_ISSUER", TestTokens.ISSUER,
                "QUNYUN_SERVICE_TOKEN", TestTokens.token("integration"),
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                "quarkus.flyway.clean-at-start", "true",
                "quarkus.flyway.clean-disabled", "false",
                "kafka.bootstrap.servers", bootstrap,
                // A killed consumer's partitions move to its restarted self after the session timeout.
                "kafka.session.timeout.ms", "6000",
                "kafka.heartbeat.interval.ms", "1000",
                "quarkus.log.category.\"org.apache.kafka\".level", "WARN");
    }

    static void stop() {
        if (campaign != null) {
            campaign.stop();
        }
        if (members != null) {
            members.stop();
        }
        if (rules != null) {
            rules.stop();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
