package io.qunyun.testkit;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layer rules every service's {@code LayerTest} applies to its own production classes: the domain is the
 * ground floor (it owns ports; REST, messaging, persistence and the clients of other services depend on it,
 * never the other way), and no two packages depend on each other.
 */
public final class LayerRules {

    /**
     * Packages of adapters, in a service and in the platform: the domain may not reach into them. Only
     * io.qunyun's persistence packages: JPA annotations (jakarta.persistence) on domain entities are allowed.
     */
    private static final List<String> ADAPTER_PACKAGES = List.of("..rest..", "..messaging..", "io.qunyun..persistence..");

    /** Kafka, REST and JDBC types: only adapters use them. */
    private static final List<String> TECHNOLOGY_PACKAGES = List.of(
            "org.apache.kafka..", "io.smallrye.reactive.messaging..", "org.eclipse.microprofile.reactive.messaging..",
            "jakarta.ws.rs..", "org.jboss.resteasy..", "org.eclipse.microprofile.rest.client..", "io.quarkus.rest.client..",
            "io.vertx..", "java.sql..", "javax.sql..", "io.agroal..");

    private LayerRules() {
    }

    /**
     * @param servicePackage the service's root package, e.g. {@code io.qunyun.member}
     * @param clientPackages the sub-packages holding clients of other services, e.g. {@code rules}
     */
    public static ArchRule domainIsTheGroundFloor(String servicePackage, String... clientPackages) {
        List<String> forbidden = new ArrayList<>(ADAPTER_PACKAGES);
        forbidden.addAll(TECHNOLOGY_PACKAGES);
        for (String client : clientPackages) {
            forbidden.add(servicePackage + "." + client + "..");
        }
        return noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("the domain owns ports; REST, messaging, persistence and clients depend on it, never the other way");
    }

    /** Every package of the service is a slice: no two of them may depend on each other in a cycle. */
    public static ArchRule noPackageCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(**)").should().beFreeOfCycles();
    }
}
