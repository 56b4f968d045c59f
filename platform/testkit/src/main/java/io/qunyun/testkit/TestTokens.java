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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Bearer tokens for tests, signed with the committed test key (test-private.pem, for tests only). Each
 * service's %test profile verifies them with the matching public key (quarkus.oidc.public-key), and the
 * packaged services of the ITs get {@link #publicKey()} as a system property. Same claims as the local
 * tokens of scripts/token: one role in {@code groups}.
 */
public final class TestTokens {

    public static final List<String> ROLES = List.of("analyst", "operator", "reviewer", "integration", "admin");

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    /** A token whose only role is {@code role}, valid for two hours. */
    public static String token(String role) {
        return CACHE.computeIfAbsent(role, r -> sign(r, 120));
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
        return sign(role, -60);
    }

    /** The public key (base64 X.509) that verifies these tokens: the value of quarkus.oidc.public-key. */
    public static String publicKey() {
        return pem("test-public.pem").replaceAll("-----[A-Z ]+-----|\\s", "");
    }

    private static String sign(String role, int minutes) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer("qunyun-test");
            claims.setSubject("test-" + role);
            claims.setClaim("upn", "test-" + role);
            // One role as a string claim (quarkus-oidc splits strings on spaces). Not an array: the test JVMs
            // carry the in-JVM broker's jackson-module-scala, which Quarkus registers on its ObjectMapper, and
            // vert.x then parses a JSON array claim into a Scala list whose text is "List(analyst)". Tokens of
            // a real provider and of scripts/token carry arrays, read by the packaged services (PlatformIT).
            claims.setClaim("groups", role);
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
