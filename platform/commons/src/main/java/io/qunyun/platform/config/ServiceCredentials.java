package io.qunyun.platform.config;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;


import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.config.ConfigMapping;

/**
 * Credentials of this service's calls to the other services (docs/operations.md, "Security"): the other
 * services check a bearer token with role {@code integration} like any caller's. With an OIDC provider
 * (quarkus.oidc-client.client-enabled=true and its auth-server-url, client-id and secret) the token is a
 * client-credentials token from the provider, renewed before it expires; without one (local runs, tests)
 * it is the configured {@code qunyun.service-auth.token}, a token signed with the local key. Registered on
 * each REST client with {@code @RegisterProvider}.
 */
@ApplicationScoped
public class ServiceCredentials implements ClientRequestFilter {

    @ConfigMapping(prefix = "qunyun.service-auth")
    public interface Config {
        /** Bearer token sent when no OIDC client is enabled (scripts/run-platform: scripts/token integration). */
        Optional<String> token();

        /**
         * Whether tokens come from the OIDC client (QUARKUS_OIDC_CLIENT_CLIENT_ENABLED, as the extension reads
         * it). A setting of our own: the extension's quarkus.oidc-client.client-enabled is fixed at build
         * time, and a packaged jar read it at run time as its default (true) and sent no usable token.
         */
        @io.smallrye.config.WithDefault("false")
        boolean oidcClient();
    }

    @Inject
    Config config;

    @Inject
    OidcClient oidcClient;

    private volatile Tokens tokens;

    @Override
    public void filter(ClientRequestContext request) {
        bearer().ifPresent(token -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    Optional<String> bearer() {
        if (!config.oidcClient()) {
            return config.token().filter(t -> !t.isBlank());
        }
        Tokens current = tokens;
        if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            // Blocking is fine: the REST clients of this service are called from worker threads.
            current = oidcClient.getTokens().await().indefinitely();
            tokens = current;
        }
        return Optional.of(current.getAccessToken());
    }
}
