package io.qunyun.rules.persistence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.ModuleSigner;
import io.qunyun.rules.domain.PrebuiltTables;
import io.qunyun.rules.domain.check.WorkbookGuard;

/**
 * Issue 22: a compiled module in decision_table_compiled is class files every instance would load and run, so only a
 * module whose HMAC this service's key made is loaded; a tampered one is compiled again from its stored workbook (and the
 * row replaced by a signed one), never loaded.
 */
@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "analyst-test", roles = "admin")
class CompiledModuleSignatureTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    TableVersionStore store;

    @Inject
    DecisionTableReleaseRepository releases;

    @Inject
    TableActivations activations;

    @Inject
    CompiledVersionStore compiledVersions;

    @Inject
    ModuleSigner signer;

    @Inject
    WorkbookGuard guard;

    @Inject
    DataSource database;

    @AfterEach
    void backToTheBuiltInWorkbook() {
        String builtIn = catalog.builtIn(DecisionTable.REWARDS).version();
        store.activate("Rewards", builtIn, "test cleanup");
        activations.sync();
    }

    TableActivations anotherInstance() {
        TableActivations other = new TableActivations();
        other.catalog = new DecisionTableCatalog();
        other.store = store;
        other.releases = releases;
        other.compiledVersions = compiledVersions;
        other.signer = signer;
        other.guard = guard;
        return other;
    }

    @Test
    void aTamperedCompiledModuleIsCompiledAgainNotLoaded() throws Exception {
        byte[] workbook = Files.readAllBytes(Path.of("src/test/resources/workbooks/libreoffice/Rewards-R02-multiplier-3.drl.xlsx"));
        String version = given().contentType(XLSX).body(workbook).post("/decision-tables/Rewards/versions").then().statusCode(200)
                .body("check.compiled", equalTo(true)).extract().path("version");
        String build = PrebuiltTables.build().orElseThrow();
        CompiledVersionStore.Stored signed = compiledVersions.find("Rewards", version, build).orElseThrow();
        assertTrue(signer.verify(signed.module(), signed.signature()), "the upload stored its module signed");

        // this instance switches first (it loads the signed module), so that its poll leaves the row alone from here on
        store.activate("Rewards", version, "test");
        activations.sync();
        assertEquals(version, catalog.active(DecisionTable.REWARDS).version());

        // one byte more at the end: a ZIP reader still reads every class file, the signature no longer matches
        byte[] tampered = java.util.Arrays.copyOf(signed.module(), signed.module().length + 1);
        try (Connection connection = database.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE decision_table_compiled SET module = ? WHERE table_name = 'Rewards' AND version = ? AND build = ?")) {
            update.setBytes(1, tampered);
            update.setString(2, version);
            update.setString(3, build);
            assertEquals(1, update.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(PrebuiltTables.load(DecisionTable.REWARDS, DecisionTableCatalog.source(DecisionTable.REWARDS, workbook), tampered)
                .isPresent(), "without the signature check the tampered module would be loaded");

        TableActivations other = anotherInstance();
        other.sync();
        assertEquals(version, other.catalog.active(DecisionTable.REWARDS).version(), "the instance decides with the version");
        assertEquals(0, other.loadedCompiled.get(), "the tampered module was not loaded: compiled from the workbook");
        CompiledVersionStore.Stored replaced = compiledVersions.find("Rewards", version, build).orElseThrow();
        assertFalse(java.util.Arrays.equals(tampered, replaced.module()), "the tampered row was replaced");
        assertTrue(signer.verify(replaced.module(), replaced.signature()));

        TableActivations restarted = anotherInstance();
        restarted.sync();
        assertEquals(1, restarted.loadedCompiled.get(), "the module compiled again is signed, so it is loaded");
    }
}
