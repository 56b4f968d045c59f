import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/**
 * Local bearer tokens, for running the platform without an identity provider (docs/operations.md,
 * "Security"). The services verify RS256 tokens against a public key (quarkus.oidc.public-key) and an
 * issuer (quarkus.oidc.token.issuer) when no OIDC server is configured; this tool keeps the key pair in
 * QUNYUN_RUN_DIR/keys (created when missing) and signs tokens as a Keycloak realm would for Qunyun's
 * client: issuer {@value #ISSUER}, audience OIDC_AUDIENCE (default qunyun), one client role in
 * {@code resource_access/<QUNYUN_AUTH_ROLES_CLIENT, default qunyun>/roles}.
 *
 * <pre>
 *   Tokens public-key DIR          the public key (base64 X.509) for OIDC_PUBLIC_KEY
 *   Tokens token DIR ROLE [HOURS]  a token for ROLE (default 12 hours)
 *   Tokens env DIR                 shell exports for services started without a provider: OIDC_PUBLIC_KEY,
 *                                  OIDC_ISSUER and QUNYUN_SERVICE_TOKEN (an integration token)
 * </pre>
 */
public class Tokens {

    static final Set<String> ROLES = Set.of("analyst", "operator", "reviewer", "integration", "admin");
    static final String ISSUER = "qunyun-local";

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("public-key")) {
            System.out.println(publicKey(Path.of(args[1])));
        } else if (args.length >= 2 && args[0].equals("env")) {
            Path dir = Path.of(args[1]);
            System.out.println("export OIDC_PUBLIC_KEY=" + publicKey(dir) + " OIDC_ISSUER=" + ISSUER
                    + " QUNYUN_SERVICE_TOKEN=" + token(dir, "integration", 12));
        } else if (args.length >= 3 && args[0].equals("token")) {
            System.out.println(token(Path.of(args[1]), args[2], args.length > 3 ? Integer.parseInt(args[3]) : 12));
        } else {
            System.err.println("usage: Tokens public-key DIR | Tokens token DIR ROLE [HOURS] | Tokens env DIR; roles: " + ROLES);
            System.exit(2);
        }
    }

    /** The key pair of DIR, generated (RSA 2048) on first use; the private key is readable by its owner only. */
    static synchronized KeyPair keys(Path dir) throws Exception {
        Path privatePem = dir.resolve("private.pem");
        Path publicPem = dir.resolve("public.pem");
        if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path tmp = Files.createTempFile(dir, "private", ".tmp");
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.move(tmp, privatePem, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privatePem))));
        var publicKey = rsa.generatePublic(new java.security.spec.X509EncodedKeySpec(der(Files.readString(publicPem))));
        return new KeyPair(publicKey, privateKey);
    }

    static String publicKey(Path dir) throws Exception {
        return Base64.getEncoder().encodeToString(keys(dir).getPublic().getEncoded());
    }

    /** A signed token for one role: what an identity provider would issue to a user or a client. */
    static String token(Path dir, String role, int hours) throws Exception {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role " + role + "; roles: " + ROLES);
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(setting("OIDC_AUDIENCE", "qunyun"));
        claims.setSubject("local-" + role);
        claims.setClaim("preferred_username", "local " + role);
        // a client role of Qunyun's client, where the services read roles (never realm roles by default)
        claims.setClaim("resource_access", Map.of(setting("QUNYUN_AUTH_ROLES_CLIENT", "qunyun"), Map.of("roles", List.of(role))));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(hours * 60f);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys(dir).getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    /** Token for ROLE with the keys of the platform's run directory (the tools' default). */
    static String token(String role) throws Exception {
        return token(keyDir(), role, 12);
    }

    /** The services' setting of the same name, so that a changed audience or client changes both sides. */
    static String setting(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    static Path keyDir() {
        String runDir = System.getenv("QUNYUN_RUN_DIR");
        return Path.of(runDir != null && !runDir.isBlank() ? runDir : ".run").resolve("keys");
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
