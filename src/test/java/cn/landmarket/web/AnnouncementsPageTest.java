package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** The announcements page as HTML: what it lists, how it filters, and what it never shows. */
@QuarkusTest
@StandardMarket
class AnnouncementsPageTest {

    @Inject
    TestClock clock;

    private long announced(String title, long areaM2, String startPrice) {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> body = Fixtures.listing(cert, areaM2, clock.instant());
        body.put("title", title);
        if (!startPrice.equals("20000000.00")) {
            // Only the fixture's own terms carry a reserve (22,000,000.00) and a cap.
            body.put("startPrice", startPrice);
            body.put("increment", "100000.00");
            body.put("deposit", new java.math.BigDecimal(startPrice).divide(java.math.BigDecimal.valueOf(5))
                    .setScale(2).toPlainString());
            body.remove("priceCap");
            body.remove("reservePrice");
        }
        return Fixtures.announced(TestData.TOWNSHIP_A, body, clock);
    }

    @Test
    void anAnnouncedListingIsListedInChineseWithItsAreaInThreeUnitsAndPricesInYuanButNotItsReserve() {
        long id = announced("页面测试地块甲", 13_334, "20000000.00");
        given().when().get("/").then().log().ifValidationFails().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("href=\"/listings/" + id + "\""))
                .body(containsString("页面测试地块甲"))
                .body(containsString("13,334 平方米（20.0010 亩，1.3334 公顷）"))
                .body(containsString("¥20,000,000.00"))
                .body(containsString("¥4,000,000.00"))
                .body(containsString("公告中"))
                // the deadlines as whole dates and times (once only the minute of the hour was printed)
                .body(matchesPattern("(?s).*<time datetime=\"[^\"]+\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}</time>.*"))
                .body(not(containsString("22,000,000.00")))
                .body(not(containsString("22000000.00")));
    }

    @Test
    void englishIsChosenByAcceptLanguageOrByTheSwitchCookie() {
        announced("页面测试地块乙", 10_000, "20000000.00");
        given().header("Accept-Language", "en-GB,en;q=0.9").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("Announcements"))
                .body(containsString("Announced"));
        given().header("Accept-Language", "en").cookie("lang", "zh").when().get("/").then()
                .body(containsString("<html lang=\"zh-CN\">"));
        given().redirects().follow(false).when().get("/lang/en?back=/results").then().statusCode(303)
                .header("Location", containsString("/results")).header("Set-Cookie", containsString("lang=en"));
    }

    @Test
    void theLanguageSwitchNeverRedirectsOffTheSite() {
        given().redirects().follow(false).when().get("/lang/en?back=//evil.example/x").then().statusCode(303)
                .header("Location", not(containsString("evil")));
        given().redirects().follow(false).when().get("/lang/en?back=https://evil.example/").then().statusCode(303)
                .header("Location", not(containsString("evil")));
    }

    @Test
    void filtersByPriceRangeAndSortsByPrice() {
        announced("价格筛选低价地块", 10_000, "10000000.00");
        announced("价格筛选高价地块", 10_000, "50000000.00");
        given().queryParam("q", "价格筛选").queryParam("minStartPrice", "20000000").when().get("/").then()
                .statusCode(200).body(containsString("价格筛选高价地块")).body(not(containsString("价格筛选低价地块")));
        String page = given().queryParam("q", "价格筛选").queryParam("sort", "PRICE_ASC").when().get("/").then()
                .statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.indexOf("价格筛选低价地块") < page.indexOf("价格筛选高价地块"),
                "lowest price first");
    }

    @Test
    void aFieldThatCannotBeReadIsNamedAndIgnoredInsteadOfFailingThePage() {
        announced("坏输入测试地块", 10_000, "20000000.00");
        given().queryParam("minAreaM2", "abc").queryParam("region", "x'; drop").queryParam("q", "坏输入")
                .when().get("/").then().statusCode(200)
                .body(containsString("id=\"minAreaM2-error\""))
                .body(containsString("id=\"region-error\""))
                .body(containsString("坏输入测试地块"));
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        given().when().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .body(not(containsString("<script>")))
                .body(not(containsString(" onclick=")));
    }

    @Test
    void aPageThatDoesNotExistIsAPageForABrowserAndAProblemForTheApi() {
        given().header("Accept", "text/html,application/xhtml+xml").when().get("/no-such-page").then()
                .statusCode(404).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"zh-CN\">")).body(containsString("href=\"/\""));
        given().header("Accept", "text/html").when().get("/api/no-such-endpoint").then()
                .statusCode(404).contentType(containsString("application/problem+json"));
    }
}
