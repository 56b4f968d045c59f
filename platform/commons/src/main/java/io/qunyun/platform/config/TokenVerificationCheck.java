package io.qunyun.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a service whose token checks are not bound to Qunyun (issue 22; docs/operations.md,
 * "Security"). quarkus-oidc accepts these settings silently: with both a public key and a provider URL it
 * uses the key and the provider's keys and issuer are never consulted; with a public key there is no
 * discovery, so an issuer left unset (or "any") is not checked at all; without an audience any token of
 * the realm passes. Failing at startup with the reason beats a service that accepts the wrong tokens.
 */
@ApplicationScoped
public class TokenVerificationCheck {

    @ConfigProperty(name = "quarkus.oidc.public-key")
    Optional<String> publicKey;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;

    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    Optional<String> issuer;

    @ConfigProperty(name = "quarkus.oidc.token.audience")
    Optional<List<String>> audience;

    // early: nothing else should start (consumers, schedulers) in a service that will not run
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        check(publicKey, authServerUrl, issuer, audience.orElse(List.of()));
    }

    /** Throws, naming every problem, unless the settings verify tokens from one source for Qunyun. */
    public static void check(Optional<String> publicKey, Optional<String> authServerUrl, Optional<String> issuer,
            List<String> audience) {
        List<String> problems = problems(publicKey, authServerUrl, issuer, audience);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("token verification refused: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Optional<String> publicKey, Optional<String> authServerUrl, Optional<String> issuer,
            List<String> audience) {
        boolean key = present(publicKey);
        List<String> problems = new ArrayList<>();
        if (key && present(authServerUrl)) {
            problems.add("both OIDC_PUBLIC_KEY (quarkus.oidc.public-key) and OIDC_AUTH_SERVER_URL"
                    + " (quarkus.oidc.auth-server-url) are set; set one: the provider's URL, or the key alone for local runs");
        }
        if (key && !present(issuer)) {
            problems.add("OIDC_PUBLIC_KEY is set but OIDC_ISSUER (quarkus.oidc.token.issuer) is not: without a"
                    + " provider there is no discovery to learn the issuer from");
        }
        if (issuer.filter(i -> i.trim().equalsIgnoreCase("any")).isPresent()) {
            problems.add("quarkus.oidc.token.issuer=any turns the issuer check off");
        }
        if (audience.stream().noneMatch(a -> !a.isBlank()) || audience.stream().anyMatch(a -> a.trim().equalsIgnoreCase("any"))) {
            problems.add("OIDC_AUDIENCE (quarkus.oidc.token.audience) must name Qunyun's client (default qunyun), not be"
                    + " empty or any");
        }
        return problems;
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
