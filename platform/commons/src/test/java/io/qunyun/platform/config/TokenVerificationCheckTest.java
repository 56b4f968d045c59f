package io.qunyun.platform.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The startup check of token settings, as a plain class: no failing Quarkus application is booted for it. */
class TokenVerificationCheckTest {

    static final Optional<String> KEY = Optional.of("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIB");
    static final Optional<String> URL = Optional.of("https://id.qunyun.io/realms/qunyun");
    static final Optional<String> ISSUER = Optional.of("https://id.qunyun.io/realms/qunyun");
    static final List<String> AUDIENCE = List.of("qunyun");

    @Test
    void aProviderOrAKeyWithItsIssuerStarts() {
        assertDoesNotThrow(() -> TokenVerificationCheck.check(Optional.empty(), URL, Optional.empty(), AUDIENCE),
                "with a provider the issuer comes from discovery");
        assertDoesNotThrow(() -> TokenVerificationCheck.check(Optional.empty(), URL, ISSUER, AUDIENCE));
        assertDoesNotThrow(() -> TokenVerificationCheck.check(KEY, Optional.of(" "), ISSUER, AUDIENCE),
                "a blank URL (OIDC_AUTH_SERVER_URL= in an env file) is no URL");
    }

    @Test
    void aPublicKeyAndAServerUrlTogetherAreRefusedWithBothNamed() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TokenVerificationCheck.check(KEY, URL, ISSUER, AUDIENCE));
        assertTrue(refused.getMessage().contains("OIDC_PUBLIC_KEY") && refused.getMessage().contains("OIDC_AUTH_SERVER_URL"),
                refused.getMessage());
    }

    @Test
    void aPublicKeyNeedsAnIssuer() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TokenVerificationCheck.check(KEY, Optional.empty(), Optional.empty(), AUDIENCE));
        assertTrue(refused.getMessage().contains("OIDC_ISSUER"), refused.getMessage());
        assertThrows(IllegalStateException.class,
                () -> TokenVerificationCheck.check(Optional.empty(), URL, Optional.of("any"), AUDIENCE),
                "issuer any checks nothing");
    }

    @Test
    void anAudienceIsRequired() {
        assertThrows(IllegalStateException.class, () -> TokenVerificationCheck.check(Optional.empty(), URL, ISSUER, List.of()));
        assertThrows(IllegalStateException.class, () -> TokenVerificationCheck.check(Optional.empty(), URL, ISSUER, List.of("any")));
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertEquals(3, TokenVerificationCheck.problems(KEY, URL, Optional.empty(), List.of()).size());
    }
}
