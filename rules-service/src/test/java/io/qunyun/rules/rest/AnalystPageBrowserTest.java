package io.qunyun.rules.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.persistence.TableActivations;
import io.qunyun.rules.persistence.TableVersionStore;

/**
 * The analysts' page (/tables/) in a real browser, the whole path: pick a table, upload a workbook saved
 * by LibreOffice, read the check and the diff, publish it, try a decision and see the fired rows, roll
 * back. Uses Debian's chromium and chromium-driver; skipped only when they are not installed.
 */
@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "analyst-test", roles = "admin")
class AnalystPageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TestHTTPResource("/tables/")
    URL page;

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    TableVersionStore store;

    @Inject
    TableActivations activations;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no chromium installed (apt-get install -y chromium chromium-driver): browser test skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        // the machine compiles workbooks on two shared cores: be patient, never sleep
        wait = new WebDriverWait(browser, Duration.ofSeconds(120));
    }

    @AfterEach
    void closeBrowserAndRollBack() {
        if (browser != null) {
            browser.quit();
        }
        String builtIn = catalog.builtIn(DecisionTable.REWARDS).version();
        if (!catalog.active(DecisionTable.REWARDS).version().equals(builtIn)) {
            store.activate("Rewards", builtIn, "test cleanup");
            activations.sync();
        }
    }

    @Test
    void anAnalystUploadsChecksPublishesTriesAndRollsBack() {
        String builtIn = catalog.builtIn(DecisionTable.REWARDS).version();
        browser.get(page.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#table option[value=Rewards]")));
        new Select(browser.findElement(By.id("table"))).selectByValue("Rewards");
        wait.until(ExpectedConditions.textToBe(By.id("in-use"), builtIn));

        Path workbook = Path.of("src/test/resources/workbooks/libreoffice/Rewards-R02-multiplier-3.drl.xlsx").toAbsolutePath();
        browser.findElement(By.id("file")).sendKeys(workbook.toString());
        browser.findElement(By.id("upload")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-verdict"), "FAILED"));
        String diff = browser.findElement(By.id("diff")).getText();
        assertTrue(diff.contains("R02") && diff.contains("multiplier") && diff.contains("3"), diff);
        String problems = browser.findElement(By.id("check-problems")).getText();
        assertTrue(problems.contains("expected 20 but was 30"), problems);
        assertTrue(browser.findElement(By.id("changed")).getText().contains("R02"));
        String version = browser.findElement(By.id("check-version")).getText();

        browser.findElement(By.id("confirm")).click();
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBe(By.id("in-use"), version));
        assertEquals(version, catalog.active(DecisionTable.REWARDS).version());

        browser.findElement(By.id("field-activityType")).sendKeys("CHECK_IN");
        browser.findElement(By.id("field-groupId")).sendKeys("5f1c6a7e-0b1d-4c2e-9a3f-7d8e9f0a1b2c");
        browser.findElement(By.id("decide")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fired"), "R02"));
        assertEquals(version, browser.findElement(By.id("answer-version")).getText());
        assertTrue(browser.findElement(By.id("answer-json")).getText().contains("\"points\": 30"));

        // roll back: the built-in version's row has the activate button
        browser.findElement(By.cssSelector("button.activate[data-version='" + builtIn + "']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("in-use"), builtIn));
        assertEquals(builtIn, catalog.active(DecisionTable.REWARDS).version());
    }
}
