package io.qunyun.rules.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.qunyun.rules.config.TablesConfig;

/**
 * Signs the compiled modules this service stores in the database and checks them before one is loaded: a module is
 * class files that run in this JVM, so only a module whose HMAC-SHA256 matches (the key is configuration, never in the
 * database) is loaded; any other is compiled again from its stored workbook. Without a configured key each process
 * draws its own, so it trusts only what it compiled itself.
 */
@ApplicationScoped
public class ModuleSigner {

    private static final Logger LOG = Logger.getLogger(ModuleSigner.class);
    private static final String ALGORITHM = "HmacSHA256";
    /** Shorter keys are guessable (HMAC-SHA256 wants at least its output's 32 bytes). */
    static final int MIN_KEY_LENGTH = 32;

    @Inject
    TablesConfig config;

    private SecretKeySpec key;

    @PostConstruct
    void key() {
        byte[] bytes;
        if (config.signingKey().filter(k -> !k.isBlank()).isPresent()) {
            bytes = config.signingKey().get().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_KEY_LENGTH) {
                throw new IllegalStateException("qunyun.tables.signing-key must be at least " + MIN_KEY_LENGTH + " bytes");
            }
        } else {
            bytes = new byte[MIN_KEY_LENGTH];
            new SecureRandom().nextBytes(bytes);
            LOG.info("No qunyun.tables.signing-key: compiled decision tables stored by other processes will be compiled again");
        }
        key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** The signature of {@code module} (hex). */
    public String sign(byte[] module) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(module));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is this service's signature of {@code module} (compared in constant time). */
    public boolean verify(byte[] module, String signature) {
        if (module == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(module).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
}
