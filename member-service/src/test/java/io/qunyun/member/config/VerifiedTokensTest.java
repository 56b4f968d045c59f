package io.qunyun.member.config;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.testkit.TestTokens;

/** The verified-token cache in front of quarkus-oidc: what it remembers, for how long, and what it never lets through. */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens verified;

    @Test
    void aTokenOidcAcceptedIsRememberedWhileForgedAndExpiredOnesAreStillRefused() {
        String token = TestTokens.token("operator");
        String member = UUID.randomUUID().toString();
        // operator may read members: through authentication and authorization, then 404 (no such member)
        given().header("Authorization", "Bearer " + token).get("/members/{id}", member).then().statusCode(404);
        assertNotNull(verified.remembered(token), "quarkus-oidc verified it: remembered");
        given().header("Authorization", "Bearer " + token).get("/members/{id}", member).then().statusCode(404);
        // a remembered identity keeps its roles: operator may not do what only admin may
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                .post("/clock/advance").then().statusCode(403);

        // one character of the signature changed: verified by quarkus-oidc (not remembered), refused
        int at = token.length() - 10;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        given().header("Authorization", "Bearer " + forged).get("/members/{id}", member).then().statusCode(401);
        assertNull(verified.remembered(forged));
        String expired = TestTokens.expired("operator");
        given().header("Authorization", "Bearer " + expired).get("/members/{id}", member).then().statusCode(401);
        assertNull(verified.remembered(expired));
    }

    @Test
    void rememberedNeitherPastTheTokensExpiryNorLongerThanTheTimeToLive() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T06:00:00Z"));
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 10, clock);
        long now = clock.instant().getEpochSecond();
        tokens.remember(identity("expires-soon", now + 30));
        tokens.remember(identity("expires-late", now + 3600));

        clock.advance(Duration.ofSeconds(29));
        assertNotNull(tokens.remembered("expires-soon"));
        assertEquals(Set.of("integration"), tokens.remembered("expires-late").getRoles());
        clock.advance(Duration.ofSeconds(1));
        assertNull(tokens.remembered("expires-soon"), "the token's own expiry");
        assertNotNull(tokens.remembered("expires-late"));
        clock.advance(Duration.ofSeconds(30));
        assertNull(tokens.remembered("expires-late"), "the time to live");
        tokens.remember(identity("expired", now));
        assertNull(tokens.remembered("expired"));
    }

    @Test
    void onlyJwtIdentitiesWithTheirTokenAreRememberedAndTheTableIsBounded() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T06:00:00Z"));
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 2, clock);
        long later = clock.instant().getEpochSecond() + 3600;
        tokens.remember(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        tokens.remember(QuarkusSecurityIdentity.builder().setPrincipal(() -> "basic-user")
                .addCredential(new AccessTokenCredential("not-a-jwt-identity")).build());
        assertNull(tokens.remembered("not-a-jwt-identity"));

        tokens.remember(identity("first", later));
        tokens.remember(identity("second", later));
        tokens.remember(identity("third", later));
        assertEquals(2, java.util.stream.Stream.of("first", "second", "third").filter(t -> tokens.remembered(t) != null)
                .count(), "bounded: one of three tokens is verified again instead of remembered");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(0, java.util.stream.Stream.of("first", "second", "third").filter(t -> tokens.remembered(t) != null)
                .count(), "all past the time to live");
        tokens.remember(identity("fourth", later + 3600));
        tokens.remember(identity("fifth", later + 3600));
        assertNotNull(tokens.remembered("fourth"), "expired entries make room");
        assertNotNull(tokens.remembered("fifth"), "expired entries make room");

        VerifiedTokens off = new VerifiedTokens(Duration.ZERO, 10, clock);
        off.remember(identity("any", later + 3600));
        assertNull(off.remembered("any"), "a time to live of 0 turns the cache off");
    }

    private static SecurityIdentity identity(String token, long expiresAtSeconds) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Jwt("test-integration", expiresAtSeconds))
                .addRole("integration").addCredential(new AccessTokenCredential(token)).build();
    }

    private record Jwt(String name, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
