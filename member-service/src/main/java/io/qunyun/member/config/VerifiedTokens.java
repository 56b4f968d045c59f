package io.qunyun.member.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens quarkus-oidc verified a moment ago, remembered by their exact text. An integration
 * sends the same token with every request; verifying it each time (parsing the JWT twice, an RSA
 * signature check, claims checks) cost a sixth of member-service's CPU at a few hundred activities a
 * second (docs/performance-log.md, "REST ingestion"), and quarkus-oidc caches only introspection and
 * UserInfo results, not locally verified JWTs.
 * <p>
 * Nothing is weakened: a token is remembered only after quarkus-oidc accepted it (signature, issuer,
 * expiry and every other check), only under its exact text, and never past its own expiry nor longer
 * than {@code qunyun.auth.verified-token-ttl} (so a key rotation or a changed check reaches every token
 * within that time). A token not remembered, or no longer, goes to quarkus-oidc as before; a rejected
 * token is never remembered. The table is a Caffeine cache bounded by
 * {@code qunyun.auth.verified-token-max-entries}, each entry expiring at its own instant; when it is full,
 * the entry least likely to be used again makes room, and an evicted token is simply verified again.
 * <p>
 * Two roles in one bean: an HTTP authentication mechanism that runs before quarkus-oidc's (higher
 * priority) and answers only for remembered tokens (otherwise it steps aside: no identity, no
 * challenge), and the last identity augmentor, which remembers what quarkus-oidc produced.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism, SecurityIdentityAugmentor {

    /** quarkus-oidc's mechanism has 1001; this one must be asked first. */
    static final int PRIORITY = 1002;
    private static final String BEARER = "Bearer ";
    // per-request objects quarkus-oidc puts into the identity: replaced by the current request's
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private record Verified(SecurityIdentity identity, long validUntilMillis) {
    }

    private final Cache<String, Verified> verified;
    private final long ttlMillis;
    private final Clock clock;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "qunyun.auth.verified-token-ttl", defaultValue = "60s") java.time.Duration ttl,
            @ConfigProperty(name = "qunyun.auth.verified-token-max-entries", defaultValue = "10000") int maxEntries) {
        // the system clock, not the service clock: the demo's virtual clock must not extend a token's life
        this(ttl, maxEntries, Clock.systemUTC());
    }

    VerifiedTokens(java.time.Duration ttl, int maxEntries, Clock clock) {
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                // each entry lives until its own end: the token's expiry or the time to live, whichever is first
                .expireAfter(Expiry.creating((String token, Verified entry) ->
                        Duration.ofMillis(Math.max(0, entry.validUntilMillis() - clock.millis()))))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                // evict on the caller's thread: no pool thread for a cache this small, and the bound holds at once
                .executor(Runnable::run)
                .build();
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        SecurityIdentity identity = remembered(bearerToken(context));
        if (identity == null) {
            return Uni.createFrom().nullItem(); // quarkus-oidc's mechanism verifies it
        }
        QuarkusSecurityIdentity.Builder current = QuarkusSecurityIdentity.builder(identity).addAttribute(ROUTING_CONTEXT, context);
        Object requestContext = context.get(REQUEST_CONTEXT);
        if (requestContext != null) {
            current.addAttribute(REQUEST_CONTEXT, requestContext);
        }
        return Uni.createFrom().item(current.build());
    }

    /** The identity of a token quarkus-oidc accepted, while it may still be used; null otherwise. */
    SecurityIdentity remembered(String token) {
        if (ttlMillis <= 0 || token == null) {
            return null;
        }
        Verified entry = verified.getIfPresent(token);
        // the cache expires entries on its ticker; the check keeps the answer exact to the millisecond
        return entry == null || clock.millis() >= entry.validUntilMillis() ? null : entry.identity();
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE; // the last augmentor: remember the identity as the request gets it
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        remember(identity);
        return Uni.createFrom().item(identity);
    }

    /** Remembers an identity quarkus-oidc made from a verified JWT bearer token (others are ignored). */
    void remember(SecurityIdentity identity) {
        if (ttlMillis <= 0 || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        long expiresAtMillis = jwt.getExpirationTime() * 1000;
        if (credential == null || credential.getToken() == null || expiresAtMillis <= 0) {
            return;
        }
        long now = clock.millis();
        long validUntil = Math.min(expiresAtMillis, now + ttlMillis);
        if (validUntil <= now) {
            return;
        }
        // later requests must not see the request this identity was made for: they get their own (authenticate)
        SecurityIdentity kept = QuarkusSecurityIdentity.builder(identity).addAttribute(ROUTING_CONTEXT, null)
                .addAttribute(REQUEST_CONTEXT, null).build();
        verified.put(credential.getToken(), new Verified(kept, validUntil));
    }

    private static String bearerToken(RoutingContext context) {
        String header = context.request().headers().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim();
    }

    /** Challenges are quarkus-oidc's: this mechanism never refuses anyone, it only steps aside. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom().item(false);
    }

    @Override
    public java.util.Set<Class<? extends io.quarkus.security.identity.request.AuthenticationRequest>> getCredentialTypes() {
        return java.util.Set.of(io.quarkus.security.identity.request.TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
