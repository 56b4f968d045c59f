package io.qunyun.member.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Where quarkus-oidc reads roles, as application.properties expands it: Qunyun's client roles, the realm's
 * only with qunyun.auth.realm-roles=true (TokenBindingTest shows a realm role refused with the default). The
 * three services share these lines; without booting a service for each setting.
 */
class RoleClaimPathsTest {

    @Test
    void clientRolesOfQunyunByDefault() throws IOException {
        assertEquals(List.of("resource_access/qunyun/roles"), paths(Map.of()));
    }

    @Test
    void realmRolesOnlyWhenAskedFor() throws IOException {
        assertEquals(List.of("resource_access/qunyun/roles", "realm_access/roles"), paths(Map.of("qunyun.auth.realm-roles", "true")));
    }

    @Test
    void theClientIsConfigurable() throws IOException {
        assertEquals(List.of("resource_access/qunyun-staging/roles"), paths(Map.of("qunyun.auth.roles-client", "qunyun-staging")));
    }

    private static List<String> paths(Map<String, String> overrides) throws IOException {
        URL properties = RoleClaimPathsTest.class.getResource("/application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new PropertiesConfigSource(overrides, "overrides", 400))
                .build();
        return config.getValues("quarkus.oidc.roles.role-claim-path", String.class);
    }
}
