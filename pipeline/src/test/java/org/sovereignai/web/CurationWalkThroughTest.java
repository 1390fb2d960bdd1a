package org.sovereignai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sovereignai.accounts.Accounts;
import org.sovereignai.accounts.Role;
import org.sovereignai.app.Home;
import org.sovereignai.curation.Curation;

/**
 * One quarter from the browser alone (issue 14), in headless Chromium against the real server and a real H2 database:
 * the admin opens 2026-Q1 after the bundled 2025-Q4; a curator signs in, checks a sheet with an error and sees the bad
 * cell marked, fixes it and submits; a second curator submits a rival value; the reviewer keeps one; the admin
 * previews and publishes; the release page credits the curator. Every step's screenshot is saved (docs/screenshots/
 * holds the README's copies).
 */
class CurationWalkThroughTest {
    static final String PASSWORD = "a long enough password";

    @TempDir
    Path home;
    TestServer server;
    Browser browser;

    @BeforeEach
    void aProjectWithTheBundledReleaseAndFourAccounts() throws Exception {
        Path bundled = Path.of(System.getProperty("sai.home"), "snapshots");
        PagesBrowserTest.copy(bundled.resolve("2025-Q4"), home.resolve("snapshots/2025-Q4"));
        Files.copy(bundled.resolve("index.json"), home.resolve("snapshots/index.json"));
        Files.copy(bundled.resolve("latest"), home.resolve("snapshots/latest"));
        try (Curation c = Home.of(home).openCuration()) {
            Accounts accounts = new Accounts(c.dataSource());
            accounts.add("ada", Role.ADMIN, PASSWORD.toCharArray(), "test");
            accounts.add("rita", Role.REVIEWER, PASSWORD.toCharArray(), "test");
            accounts.add("alice", Role.CURATOR, PASSWORD.toCharArray(), "test");
            accounts.add("bob", Role.CURATOR, PASSWORD.toCharArray(), "test");
        }
        server = new TestServer(home);
        browser = Browser.open();
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test
    void aQuarterFromOpeningToPublishingWithoutATerminal() throws Exception {
        // the admin opens the next quarter, which the page proposes
        signIn("ada");
        assertEquals("2026-Q1", browser.find("#quarter").getAttribute("value"));
        browser.screenshot("walk-1-admin-opens-quarter");
        browser.find("#open").click();
        assertTrue(browser.find("#quarter h2").getText().contains("Quarter 2026-Q1"), page());
        signOut();

        // a curator checks a sheet with an error: the grid marks the cell, nothing is recorded
        signIn("alice");
        assertTrue(browser.find("#quarter h2").getText().contains("2026-Q1 is open"), page());
        assertTrue(browser.find("#template").getAttribute("href").endsWith("/curate/template.xlsx"));
        Path bad = Files.writeString(home.resolve("alice-2026-Q1.csv"), "id,funding_usd\napertus,twenty million\n");
        upload(bad, "#check");
        assertEquals("rejected", browser.find("#outcome").getAttribute("class").replace("outcome ", ""), page());
        WebElement cell = browser.find("#cell-B2");
        assertEquals("error", cell.getAttribute("class"));
        assertEquals("twenty million", cell.getText());
        assertTrue(browser.find("tr.flagged td.found").getText().contains("funding_usd"), page());
        browser.screenshot("walk-2-curator-sees-the-bad-cell");
        browser.find("#back").click();
        assertTrue(browser.find("#mine").getText().contains("None yet"), "a check records nothing: " + page());

        // fixed, and submitted
        Files.writeString(bad, "id,funding_usd\napertus,20000000\n");
        upload(bad, "#submit");
        assertTrue(browser.find("#outcome").getText().contains("Accepted as S1"), page());
        assertTrue(browser.find("#changes").getText().contains("20000000"), page());
        browser.screenshot("walk-3-curator-submits");
        browser.find("#back").click();
        assertTrue(browser.find("#submission-S1").getText().contains("pending"), page());
        signOut();

        // a second curator proposes another value for the same field
        signIn("bob");
        Path rival = Files.writeString(home.resolve("bob-2026-Q1.csv"), "id,funding_usd\napertus,25000000\n");
        upload(rival, "#submit");
        assertTrue(browser.find("#outcome").getText().contains("Accepted as S2"), page());
        browser.find("#back").click();
        assertFalse(browser.find("#mine").getText().contains("S1"), "a curator sees only their own submissions: " + page());
        signOut();

        // the reviewer sees both side by side, with the evidence, and keeps alice's
        signIn("rita");
        WebElement record = browser.find("#record-apertus");
        assertTrue(record.getAttribute("class").contains("conflicted"), page());
        assertEquals(2, record.findElements(By.cssSelector(".change")).size());
        assertTrue(record.findElement(By.cssSelector("#change-C1 .evidence")).getText().contains("huggingface.co/swiss-ai"), page());
        browser.screenshot("walk-4-reviewer-resolves-the-conflict");
        browser.find("#keep-C1").click();
        assertTrue(browser.find("#queue-empty").getText().contains("every change is decided"), page());
        signOut();

        // bob reads why his change was rejected
        signIn("bob");
        String mine = browser.find("#submission-S2").getText();
        assertTrue(mine.contains("rejected by rita") && mine.contains("C1 by alice"), mine);
        signOut();

        // the admin previews the release and publishes it
        signIn("ada");
        assertTrue(browser.driver().findElements(By.id("publish")).isEmpty(), "publish only after a preview");
        browser.find("#preview-release").click();
        String changes = browser.find("#changes-md").getText();
        assertTrue(changes.contains("apertus"), changes);
        browser.screenshot("walk-5-admin-previews-the-release");
        browser.find("#publish").click();
        browser.find("#published a").click();

        // the consumer's page: the new release, the change credited to the curator and the reviewer
        assertTrue(browser.driver().getCurrentUrl().endsWith("/releases/2026-Q1"), browser.driver().getCurrentUrl());
        String release = browser.find("main").getText();
        assertTrue(release.contains("apertus") && release.contains("alice") && release.contains("rita"), release);
        browser.screenshot("walk-6-the-published-release");
        assertTrue(Files.isRegularFile(home.resolve("snapshots/2026-Q1/manifest.json")));
    }

    private void signIn(String name) {
        browser.go(server.base + "/sign-in");
        browser.find("#name").sendKeys(name);
        browser.find("#password").sendKeys(PASSWORD);
        browser.find("#sign-in").click();
        browser.find(".account");
    }

    private void signOut() {
        browser.find("#sign-out").click();
        browser.find("a.signin");
    }

    private void upload(Path file, String button) {
        browser.go(server.base + "/curate");
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        browser.find(button).click();
        browser.find("#outcome");
    }

    private String page() {
        return browser.driver().getCurrentUrl() + "\n" + browser.find("main").getText();
    }
}
