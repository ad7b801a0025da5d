package cn.landmarket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Browser;
import cn.landmarket.testing.Browsers;
import cn.landmarket.testing.LocalOidcProvider;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The production sign-in in a real Chromium, with the provider on another site than the hall
 * (127.0.0.1 and localhost): the reader comes back signed in although the session cookie is
 * SameSite=Strict and the way back starts with a form on the provider's site (a redirect straight
 * to the page would arrive there without the new cookie); the refusal and failure pages
 * are accessible in both languages and fit a phone.
 */
@QuarkusTest
@StandardMarket
@TestProfile(OidcSignInTest.WithProvider.class)
class OidcSignInBrowserTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestData data;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String provider;

    /** The hall on localhost, another site than the provider on 127.0.0.1. */
    private URL hall() throws Exception {
        return new URL("http", "localhost", server.getPort(), "/");
    }

    private void signInAtProvider(Browser b, String user) {
        b.driver().get(provider + "/login?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
    }

    @Test
    void theReaderComesBackFromTheProviderSignedInAndOnThePageItAskedFor() throws Exception {
        String code = data.enterprise("Q" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                EnterpriseStatus.VERIFIED);
        try (Browser b = Browsers.open().at(hall())) {
            b.driver().get(provider + "/login?consent=ask&user="
                    + URLEncoder.encode(LocalOidcProvider.user("ent-" + code, List.of("enterprise"), code), StandardCharsets.UTF_8));
            b.get("/signin/oidc?back=%2Fmy");
            // the way back starts on the provider's site: no SameSite=Strict cookie on that navigation
            b.waitFor(d -> d.getCurrentUrl().startsWith(provider + "/authorize"));
            b.find("#consent").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith("/my") && d.getPageSource().contains(code));
            assertEquals(hall() + "my", b.driver().getCurrentUrl());
            assertTrue(b.text("main").contains("测试企业"), b.text("main"));
            assertEquals(code, b.find("header .who .org").getAttribute("title"),
                    "signed in as the enterprise: " + b.text("header"));
            assertNull(b.driver().manage().getCookieNamed("q_session"), "no OIDC session left");
            assertTrue(b.driver().manage().getCookieNamed(SessionCookie.NAME).isHttpOnly());

            b.find("header form button[type=submit]").click();
            b.waitFor(d -> d.manage().getCookieNamed(SessionCookie.NAME) == null);
            assertFalse(b.text("header").contains(code), "signed out: " + b.text("header"));
        }
    }

    @Test
    void theRefusalAndFailurePagesAreAccessibleInBothLanguagesAndFitAPhone() throws Exception {
        String code = data.enterprise("Q" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                EnterpriseStatus.VERIFIED);
        for (String lang : List.of("zh", "en")) {
            try (Browser b = Browsers.open(375, 800).at(hall())) {
                b.get("/lang/" + lang + "?back=%2F");
                b.get("/signin/oidc?back=%2Fmy");
                b.waitFor(d -> d.getCurrentUrl().contains("/signin/oidc/error"));
                assertEquals(lang.equals("en") ? "Sign-in not completed" : "登录未完成", b.text("h1"));
                assertEquals(List.of(), b.seriousAccessibilityViolations(), lang + " failure");
                assertFalse(b.scrollsSideways(), () -> lang + " failure: " + b.overflowing());

                signInAtProvider(b, LocalOidcProvider.user("two-" + code, List.of("enterprise", "regulator"), code));
                b.get("/signin/oidc?back=%2Fmy");
                assertEquals(lang.equals("en") ? "Cannot sign in to the trading hall" : "无法登录交易大厅", b.text("h1"));
                assertEquals(List.of(), b.seriousAccessibilityViolations(), lang + " refusal");
                assertFalse(b.scrollsSideways(), () -> lang + " refusal: " + b.overflowing());
            }
        }
    }
}
