package io.qunyun.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Bearer tokens for tests, signed with the committed test key (test-private.pem, for tests only). Each
 * service's %test profile verifies them with the matching public key (quarkus.oidc.public-key) and
 * {@link #ISSUER}, and the packaged services of the ITs get {@link #publicKey()} and {@link #ISSUER}. The
 * claims are a provider's (Keycloak's) for Qunyun's client, as scripts/token issues them: audience
 * {@link #AUDIENCE}, subject {@code test-<role>}, a display name, and one client role in
 * {@code resource_access/qunyun/roles}. {@link #builder} makes the tokens a service must refuse.
 */
public final class TestTokens {

    public static final List<String> ROLES = List.of("analyst", "operator", "reviewer", "integration", "admin");
    /** The issuer the services' %test profile trusts (quarkus.oidc.token.issuer). */
    public static final String ISSUER = "https://id.qunyun.test/realms/qunyun-test";
    /** Qunyun's client: the audience the services expect and whose client roles they read (the default of both). */
    public static final String CLIENT = "qunyun";
    public static final String AUDIENCE = CLIENT;

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    /** A token whose only role is {@code role}, valid for two hours. */
    public static String token(String role) {
        return CACHE.computeIfAbsent(role, r -> builder(r).sign());
    }

    /** "Bearer &lt;token&gt;", for an Authorization header. */
    public static String bearer(String role) {
        return "Bearer " + token(role);
    }

    /**
     * From now on every RestAssured request of this JVM carries a token for {@code role} unless it sets its
     * own Authorization header: for ITs against packaged services. A filter, not a request specification,
     * because a specification captures RestAssured's port when it is built, before Quarkus sets it.
     */
    public static void everyRequestAs(String role) {
        io.restassured.RestAssured.replaceFiltersWith((request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", bearer(role));
            }
            return context.next(request, response);
        });
    }

    /** A token signed by the test key but expired an hour ago: must be refused like no token. */
    public static String expired(String role) {
        return builder(role).validForMinutes(-60).sign();
    }

    /** The claims of {@link #token(String)} for {@code role}, to change one before signing (refused tokens). */
    public static Builder builder(String role) {
        return new Builder(role);
    }

    /** The claims of one test token; each setter changes one thing, {@link #sign()} signs with the test key. */
    public static final class Builder {
        private final String role;
        private List<String> audience = List.of(AUDIENCE);
        private String issuer = ISSUER;
        private Map<String, List<String>> clientRoles;
        private List<String> realmRoles = List.of();
        private int minutes = 120;

        private Builder(String role) {
            this.role = role;
            this.clientRoles = Map.of(CLIENT, List.of(role));
        }

        /** The aud claim; none: a token without an audience. */
        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** The role as a client role of {@code client} instead of Qunyun's client. */
        public Builder clientRolesOf(String client) {
            this.clientRoles = Map.of(client, List.of(role));
            return this;
        }

        /** The role as a realm role only (realm_access/roles), no client role. */
        public Builder realmRoleOnly() {
            this.clientRoles = Map.of();
            this.realmRoles = List.of(role);
            return this;
        }

        public Builder validForMinutes(int minutes) {
            this.minutes = minutes;
            return this;
        }

        public String sign() {
            Map<String, Object> resourceAccess = new LinkedHashMap<>();
            clientRoles.forEach((client, roles) -> resourceAccess.put(client, Map.of("roles", roles)));
            return TestTokens.sign(role, audience, issuer, resourceAccess, realmRoles, minutes);
        }
    }

    /** The public key (base64 X.509) that verifies these tokens: the value of quarkus.oidc.public-key. */
    public static String publicKey() {
        return pem("test-public.pem").replaceAll("-----[A-Z ]+-----|\\s", "");
    }

    private static String sign(String role, List<String> audience, String issuer, Map<String, Object> resourceAccess,
            List<String> realmRoles, int minutes) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            if (!audience.isEmpty()) {
                claims.setAudience(audience);
            }
            claims.setSubject("test-" + role);
            claims.setClaim("preferred_username", "tester." + role);
            // Keycloak's shapes: client roles per client, realm roles apart
            if (!resourceAccess.isEmpty()) {
                claims.setClaim("resource_access", resourceAccess);
            }
            if (!realmRoles.isEmpty()) {
                claims.setClaim("realm_access", Map.of("roles", realmRoles));
            }
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(minutes);
            claims.setGeneratedJwtId();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(privateKey());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static PrivateKey privateKey() throws GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(pem("test-private.pem").replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String pem(String name) {
        try (InputStream in = TestTokens.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing next to " + TestTokens.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
