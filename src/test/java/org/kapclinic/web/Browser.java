// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Headless Debian Chromium driven by Playwright, for the browser tests. Nothing is ever downloaded: Playwright is told
 * to skip its browser download and is pointed at /usr/bin/chromium. If that is missing the tests fail, never skip.
 */
final class Browser implements AutoCloseable {

    /** Debian's Chromium; -Dkap.test.chromium=... points elsewhere (and lets the "not installed" failure be tried). */
    static final Path CHROMIUM = Path.of(System.getProperty("kap.test.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String DEMO_PASSWORD = "demo-clinic-2026";

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    static Browser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("The browser tests need Chromium at " + CHROMIUM + " and are never skipped. Install the Debian "
                    + "package: apt-get install chromium");
        }
        var playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            var chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
            return new Browser(playwright, chromium);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh context (no cookies) at desktop size. */
    BrowserContext newContext(String baseUrl) {
        return newContext(baseUrl, 1280, 900);
    }

    BrowserContext newContext(String baseUrl, int width, int height) {
        var context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(width, height).setLocale("en-US")
                .setTimezoneId("America/New_York"));
        context.setDefaultTimeout(15_000);
        return context;
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            playwright.close();
        }
    }

    /** Signs in through the login form and waits until the login page is gone. */
    static void signIn(Page page, String email) {
        signIn(page, email, DEMO_PASSWORD);
    }

    /**
     * Signs in an account made by the test (e.g. with TestAccounts.PASSWORD). Demo accounts whose role requires a
     * second factor get a code from their fixed secret (README); for others, enrol them with TestMfa.enrol and pass
     * the secret to the four-argument form.
     */
    static void signIn(Page page, String email, String password) {
        signIn(page, email, password, org.kapclinic.security.TestMfa.demoSecret(email).orElse(null));
    }

    static void signIn(Page page, String email, String password, @org.jspecify.annotations.Nullable String totpSecret) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.endsWith("/login") && !url.contains("/login?"));
        if (page.url().contains("/login/enrol")) {
            fail(email + " must set up two-step sign-in first: enrol it with TestMfa.enrol and pass the secret.");
        }
        if (page.url().contains("/login/code")) {
            if (totpSecret == null) {
                fail(email + " is asked for an authenticator code, but the test gave no secret.");
            }
            // a step may already be used (each works once per account): then the next one is tried
            for (int attempt = 0; attempt < 3 && page.url().contains("/login/code"); attempt++) {
                page.getByLabel("Code from your authenticator app")
                        .fill(org.kapclinic.security.TestMfa.nextCode(email, totpSecret));
                page.waitForResponse(r -> r.url().contains("/login/code") && "POST".equals(r.request().method()),
                        () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click());
                page.waitForLoadState();
            }
            if (page.url().contains("/login")) {
                fail(email + ": the code was refused: " + page.locator("[role=alert]").allTextContents());
            }
        }
    }

    static void signOut(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL("**/login?signedOut");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** One axe-core violation on one page, with its node targets; "blocking" when its impact is serious or critical. */
    record Violation(String page, String impact, String text) {

        boolean blocking() {
            return BLOCKING_IMPACTS.contains(impact);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Runs axe-core with the WCAG 2 A and AA rules on the page as it is now and returns every violation. */
    static List<Violation> accessibilityViolations(Page page, String label) {
        var results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa")).analyze();
        if (results.isErrored()) {
            return List.of(new Violation(label, "critical", label + ": axe-core failed: " + results.getErrorMessage()));
        }
        var violations = new ArrayList<Violation>();
        for (Rule rule : results.getViolations()) {
            var impact = rule.getImpact() == null ? "unknown" : rule.getImpact();
            var nodes = rule.getNodes().stream()
                    .map(n -> "      " + n.getTarget() + ": " + String.valueOf(n.getFailureSummary()).replace('\n', ' '))
                    .collect(Collectors.joining("\n"));
            violations.add(new Violation(label, impact, label + " (" + page.url() + "): [" + impact + "] " + rule.getId()
                    + ": " + rule.getHelp() + "\n" + nodes));
        }
        return violations;
    }
}
