package cn.landmarket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Browser;
import cn.landmarket.testing.Browsers;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The notification pages in a real Chromium: an enterprise reaches its page from its console, is
 * told what is wrong beside each field of a refused save, and saves; the page with messages in every
 * state, and the operators' dead letters, with all their texts in Chinese and in English, accessible,
 * without script errors, and without sideways scrolling at 375 px.
 */
@QuarkusTest
@StandardMarket
class NotificationPagesBrowserTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestData data;




    private static void type(Browser b, String css, String text) {
        WebElement input = b.find(css);
        input.clear();
        input.sendKeys(text);
    }

    private String enterprise() {
        return data.enterprise("B" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                EnterpriseStatus.VERIFIED);
    }

    /** Messages of the organisation in each state of delivery, and one dead letter among them. */
    private void messages(String code) {
        data.execute("insert into notification_event (kind, entry, expanded_at) values ('test.browser', '{}', now())");
        String event = "(select max(id) from notification_event where kind = 'test.browser')";
        String columns = "insert into notification_message (id, event_id, event_type, recipient_org, channel, subject, "
                + "body, payload, created_at, next_attempt_at, attempts, last_error, delivered_at, dead_at) values ";
        data.execute(columns + "(gen_random_uuid(), " + event + ", 'OUTBID', '" + code + "', 'EMAIL', 's', 'b', '{}', "
                + "now(), now(), 1, null, now(), null)");
        data.execute(columns + "(gen_random_uuid(), " + event + ", 'WON', '" + code + "', 'WEBHOOK', 's', 'b', '{}', "
                + "now(), now() + interval '1 hour', 2, 'HTTP 503 from https://hooks.bidder.test/a/very/long/path/"
                + "that/should/wrap/rather/than/push/the/page/sideways', null, null)");
        data.execute(columns + "(gen_random_uuid(), " + event + ", 'QUALIFIED', '" + code + "', 'WEBHOOK', 's', 'b', "
                + "'{}', now(), now(), 8, 'connection refused', null, now())");
        data.execute(columns + "(gen_random_uuid(), " + event + ", 'PAYMENT_DUE', '" + code + "', 'EMAIL', 's', 'b', "
                + "'{}', now(), now(), 0, null, null, null)");
    }

    @Test
    void anEnterpriseIsToldWhatIsWrongBesideEachFieldAndThenSaves() {
        String code = enterprise();
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.signIn(code, "/my");
            b.find("main a[href='/notifications']").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith("/notifications"));
            assertEquals("true", b.find("#events-note").getAttribute("data-default"));
            assertTrue(b.find("#event-OUTBID").isSelected());

            type(b, "#email", "not-an-address");
            type(b, "#webhookUrl", "ftp://hooks.bidder.test/x");
            type(b, "#webhookSecret", "short");
            b.find("#event-NOT_WON").click();
            b.find("form.nf-form button[type='submit']").click();
            b.waitFor(d -> !b.all("main [role='alert']").isEmpty());
            assertEquals("true", b.find("#email").getAttribute("aria-invalid"));
            assertEquals("true", b.find("#webhookUrl").getAttribute("aria-invalid"));
            assertEquals("true", b.find("#webhookSecret").getAttribute("aria-invalid"));
            assertTrue(b.find("#email").getAttribute("aria-describedby").contains("email-error"));
            assertTrue(b.text("#email-error").contains("name@example.cn"), b.text("#email-error"));
            assertFalse(b.find("#event-NOT_WON").isSelected(), "the untick survives the refusal");
            assertEquals("", b.find("#webhookSecret").getAttribute("value"), "a secret is never written back");
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "the refused form");
            assertEquals(List.of(), MissingTexts.on(b), "the refused form");

            type(b, "#email", "notice@bidder.test");
            type(b, "#webhookUrl", "https://hooks.bidder.test/land");
            type(b, "#webhookSecret", "a-browser-webhook-secret");
            b.find("form.nf-form button[type='submit']").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith("/notifications?saved=1"));
            assertTrue(b.text("#saved").contains("已保存"));
            assertEquals("true", b.find("#webhookSecret-hint").getAttribute("data-secret-set"));
            assertFalse(b.find("#event-NOT_WON").isSelected());
            assertEquals("false", b.find("#events-note").getAttribute("data-default"));
            assertEquals(List.of(), b.script("return window.pageErrors;"));
        }
    }

    @Test
    void thePagesHaveEveryTextInBothLanguagesAreAccessibleAndFitAPhone() {
        String code = enterprise();
        messages(code);
        Map<String, String> readers = Map.of(code, "/notifications", TestData.TOWNSHIP_A, "/notifications",
                TestData.CITY_REGULATOR, "/notifications", "MYJYZX", "/centre/dead-letters");
        for (int width : new int[] {1280, 375}) {
            try (Browser b = (width == 375 ? Browsers.open(375, 800) : Browsers.open()).at(server)) {
                b.trapPageErrors();
                for (Map.Entry<String, String> reader : readers.entrySet()) {
                    b.signIn(reader.getKey(), reader.getValue());
                    for (String lang : List.of("zh-CN", "en")) {
                        b.get("/lang/" + (lang.equals("en") ? "en" : "zh") + "?back="
                                + Links.encode(reader.getValue()));
                        String where = width + " px " + lang + " " + reader.getKey() + " " + reader.getValue();
                        assertEquals(lang, b.script("return document.documentElement.lang;"), where);
                        assertFalse(b.scrollsSideways(), where + ": " + b.overflowing());
                        if (width == 375) {
                            continue;
                        }
                        assertEquals(List.of(), MissingTexts.on(b), where + ": missing texts");
                        assertEquals(List.of(), b.seriousAccessibilityViolations(), where + ": accessibility");
                        assertEquals(List.of(), b.script("return window.pageErrors;"), where + ": script errors");
                    }
                }
                // what the pages showed, so that the checks above ran on pages with content
                b.signIn(code, "/notifications");
                assertEquals(4, b.all("table.nf-messages tbody tr").size());
                assertFalse(b.all("tr[data-delivery='DEAD']").isEmpty());
                b.signIn("MYJYZX", "/centre/dead-letters");
                assertFalse(b.all("table.nf-dead tbody tr").isEmpty());
            }
        }
    }
}
