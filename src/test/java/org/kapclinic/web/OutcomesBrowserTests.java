// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kapclinic.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The demo prescriber opens the clinic outcomes dashboard from the navigation, narrows the cohort to one location,
 * sees the rates with their counts and intervals and the charts drawn, and gets a field message for a bad date. Every
 * page is scanned with axe-core.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.class)
@ActiveProfiles("demo")
class OutcomesBrowserTests extends BrowserFlowTest {

    @Test
    void aPrescriberNarrowsTheCohortAndReadsRatesWithTheirIntervals() {
        var page = newPage(1280, 900);
        Browser.signIn(page, "prescriber@demo.kapclinic.test");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Outcomes").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Clinic outcomes"))).isVisible();
        assertThat(page.locator("#rates-table")).containsText("MADRS");
        assertThat(page.locator("#rates-table")).containsText(" of ");
        assertThat(page.locator("canvas[data-chart]").first()).isVisible();
        scan(page, "outcomes dashboard");

        page.getByLabel("Location of the first dose").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Camelback (demo)"));
        page.getByLabel("First dose from").fill("2024-01-01");
        button(page, "Show").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*location=.*"));
        assertThat(page.getByLabel("Location of the first dose")).hasValue(page.getByLabel("Location of the first dose")
                .inputValue());
        assertThat(page.locator(".cohort-summary")).containsText("first dose 2024-01-01");
        assertThat(page.locator("#rates-table")).containsText(java.util.regex.Pattern.compile("\\d+ of \\d+\\s*\\d+ %\\s*\\d+–\\d+ %"));
        assertThat(page.locator("#early-table")).containsText("two-thirds");
        assertThat(page.locator("#references-table")).containsText("no citation");
        Browser.screenshot(page, "outcomes-dashboard");
        scan(page, "outcomes dashboard filtered");

        page.getByLabel("First dose to").fill("2023-01-01");
        button(page, "Show").click();
        assertThat(page.locator("#to-error")).containsText("on or after its start");
        assertThat(page.getByLabel("First dose from")).hasValue("2024-01-01");
        scan(page, "outcomes dashboard refused filter");
    }
}
