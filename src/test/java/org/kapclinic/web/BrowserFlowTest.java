// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser flow needs: one headless Chromium for the class, a fresh context per page, and after each test
 * the checks that no page reported a script error, a console error or an HTTP error, and that axe-core found no
 * serious or critical violation on the pages the test scanned.
 */
abstract class BrowserFlowTest {

    private static Browser browser;

    @LocalServerPort
    int port;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> pageErrors = new ArrayList<>();
    final List<Browser.Violation> violations = new ArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        assertTrue(pageErrors.isEmpty(), () -> "The browser reported errors:\n" + String.join("\n", pageErrors));
        var blocking = violations.stream().filter(Browser.Violation::blocking).toList();
        assertTrue(blocking.isEmpty(), () -> "Serious accessibility violations:\n" + blocking);
    }

    Page newPage(int width, int height) {
        var context = browser.newContext("http://localhost:" + port, width, height);
        contexts.add(context);
        var page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                pageErrors.add(page.url() + ": console error: " + m.text());
            }
        });
        page.onPageError(e -> pageErrors.add(page.url() + ": script error: " + e));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                pageErrors.add(page.url() + ": HTTP " + r.status() + " for " + r.url());
            }
        });
        return page;
    }

    void scan(Page page, String label) {
        violations.addAll(Browser.accessibilityViolations(page, label));
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
