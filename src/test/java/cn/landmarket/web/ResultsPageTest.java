package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** 成交公示 as HTML: a settled sale with its buyer, price, area, objections and log entry; nobody before the close. */
@QuarkusTest
@StandardMarket
class ResultsPageTest {

    @Inject
    TestClock clock;

    @Inject
    SoldLots lots;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * The results page that lists the sale: results run latest close first, and other test classes
     * close sales on clocks further ahead, so a sale closed here need not be on the first page.
     */
    static String resultsPageOf(long listingId) {
        for (int page = 0; page < 1000; page++) {
            java.util.List<Long> ids = given().queryParam("page", page).queryParam("size", ResultsPage.PAGE_SIZE)
                    .when().get("/api/public/results").then().statusCode(200).extract().jsonPath()
                    .getList("items.listingId", Long.class);
            if (ids.contains(listingId)) {
                return "/results?page=" + page;
            }
            if (ids.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("listing " + listingId + " is not among the published results");
    }

    @Test
    void aSettledSaleIsPublishedWithItsBuyerPriceAreaObjectionsAndLogEntryButNobodyBeforeTheClose() {
        long id = lots.inBidding(Map.of("title", "成交公示页面测试地块"));
        SoldLots.Bidder buyer = lots.qualified(id);
        Auctions.bid(buyer.code(), id, "21000000.00", "results-early-" + buyer.registrationId()).then()
                .statusCode(201);
        given().when().get("/results").then().statusCode(200)
                .body(not(containsString("成交公示页面测试地块")))
                .body(not(containsString(buyer.code())))
                .body(not(containsString(buyer.name())));

        lots.closeWithBid(id, buyer);
        lots.settle(id, buyer);

        given().when().get(resultsPageOf(id)).then().log().ifValidationFails().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("href=\"/listings/" + id + "\""))
                .body(containsString("成交公示页面测试地块"))
                .body(containsString(buyer.name()))
                .body(containsString(buyer.code()))
                .body(containsString("¥22,000,000.00"))
                .body(containsString("10,000 平方米（15.0000 亩，1.0000 公顷）"))
                .body(containsString("芦溪镇"))
                .body(containsString("对成交结果有异议的"))
                .body(containsString("未收到异议"))
                .body(matchesPattern("(?s).*href=\"/verify\\?(index=[0-9]+|leaf=[0-9a-f]{64})\".*"));

        // the lot page shows the result too, and to a regulator the buyer's child certificate in the lineage
        String childNo = given().auth().oauth2(Tokens.enterprise(buyer.code())).when().get("/api/certificates")
                .then().statusCode(200).extract().jsonPath().getString("items[0].certNo");
        given().header("Accept", "text/html").when().get("/listings/" + id).then().statusCode(200)
                .body(containsString("已结算"))
                .body(containsString(buyer.name()))
                .body(not(containsString(childNo)));
        given().header("Accept", "text/html").cookie(SessionCookie.NAME, Tokens.regulator(TestData.CITY_REGULATOR))
                .when().get("/listings/" + id).then().statusCode(200)
                .body(containsString("已拆分出的证书"))
                .body(containsString(childNo))
                .body(containsString("企业 " + buyer.code()));

        given().header("Accept-Language", "en").when().get(resultsPageOf(id)).then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Published results"))
                .body(containsString("Verify the log entry"));
    }

    @Test
    void anUnreadablePageNumberIsTheFirstPage() {
        given().queryParam("page", "x'; drop").when().get("/results").then().statusCode(200)
                .body(containsString("第 1 页"));
        given().queryParam("page", "99999").when().get("/results").then().statusCode(200)
                .body(containsString("第 100000 页"))
                .body(containsString("rel=\"prev\""));
    }
}
