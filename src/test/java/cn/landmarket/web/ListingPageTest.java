package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The lot page as HTML: the lot, its terms, schedule and rules; never the reserve or a bidder before the close. */
@QuarkusTest
@StandardMarket
class ListingPageTest {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @Inject
    SoldLots lots;

    @Inject
    AuctionCloser closer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }


    private static RequestSpecification browser() {
        return given().header("Accept", "text/html,application/xhtml+xml");
    }

    private static String minute(JsonPath listing, String field) {
        return MINUTE.format(OffsetDateTime.parse(listing.getString(field)));
    }

    @Test
    void aFarmlandLotShowsItsThreeDimensionsTermsScheduleRegionsAndRulesButNeverItsReserve() {
        long cert = Fixtures.issue(Fixtures.farmland(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> body = Fixtures.listing(cert, 20_001, clock.instant());
        body.put("title", "补充耕地指标页面测试");
        body.put("lotPaddyAreaM2", 10_000);
        body.put("lotGrainCapacityKg", 2_000);
        long id = Fixtures.announced(TestData.TOWNSHIP_A, body, clock);
        JsonPath api = given().when().get("/api/public/listings/" + id).then().statusCode(200).extract().jsonPath();

        browser().when().get("/listings/" + id).then().log().ifValidationFails().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("补充耕地指标页面测试"))
                .body(containsString("20,001 平方米（30.0015 亩，2.0001 公顷）"))
                .body(containsString("10,000 平方米（15.0000 亩，1.0000 公顷）"))
                .body(containsString("2,000 千克"))
                .body(containsString("¥20,000,000.00"))
                .body(containsString("¥200,000.00"))
                .body(containsString("¥4,000,000.00"))
                .body(containsString("¥30,000,000.00"))
                .body(containsString("设有底价，成交前保密"))
                .body(containsString("倒计时 300 秒"))
                .body(containsString("报名截止"))
                .body(containsString(minute(api, "registrationDeadline")))
                .body(containsString(minute(api, "listingStart")))
                .body(containsString(minute(api, "listingEnd")))
                .body(containsString("竞买保证金到账截止"))
                .body(containsString("行政区划代码 51…"))
                .body(containsString("<span lang=\"zh-CN\">芦溪镇</span> <span class=\"code\">" + TestData.TOWNSHIP_A
                        + "</span>"))
                .body(containsString("报名截止时间不得晚于挂牌截止前 3 个工作日"))
                .body(containsString("起始价的 20% 至 100%"))
                .body(containsString("5 个工作日内签订成交确认书"))
                .body(containsString("href=\"/listings/" + id + "/room\""))
                .body(containsString("href=\"/signin?back=%2Fmy%2Flistings%2F" + id + "%2Fregistration\""))
                .body(containsString("href=\"/api/audit/listings/" + id + "/entries\""))
                // the certificate's source and lineage are not public
                .body(containsString("证书的来源项目、持有人和沿革只向"))
                .body(not(containsString("三台县土地整理项目")))
                .body(not(containsString("22,000,000.00")))
                .body(not(containsString("22000000.00")));
    }

    @Test
    void inEnglishTheLotReadsInEnglish() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        long id = Fixtures.announced(TestData.TOWNSHIP_A, Fixtures.listing(cert, 13_334, clock.instant()), clock);
        browser().header("Accept-Language", "en").when().get("/listings/" + id).then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("13,334 m² (20.0010 mu, 1.3334 ha)"))
                .body(containsString("Registration closes"))
                .body(containsString("Registration closes at least 3 working days before the listing ends"))
                .body(containsString("Division code 51…"))
                .body(not(containsString("22,000,000.00")));
    }

    @Test
    void aSignedInEnterpriseIsOfferedRegistrationAndARegulatorSeesTheSourceAndLineage() {
        long cert = Fixtures.issue(Fixtures.parcel(TestData.TOWNSHIP_A, 20_000, 250, 300));
        Map<String, Object> body = Fixtures.listing(cert, 20_000, clock.instant());
        body.put("termYears", 40);
        long id = Fixtures.announced(TestData.TOWNSHIP_A, body, clock);
        String certNo = given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when()
                .get("/api/certificates/" + cert).then().statusCode(200).extract().jsonPath().getString("certNo");
        String enterprise = data.enterprise("L0TPAGE01", cn.landmarket.party.EnterpriseStatus.VERIFIED);

        browser().when().get("/listings/" + id).then().statusCode(200)
                .body(containsString("工业"))
                .body(containsString("40 年"))
                .body(not(containsString("容积率")))
                .body(not(containsString(certNo)));
        browser().cookie(SessionCookie.NAME, Tokens.enterprise(enterprise)).when().get("/listings/" + id).then()
                .statusCode(200)
                .body(containsString("href=\"/my/listings/" + id + "/registration\""))
                .body(not(containsString("芦溪镇集体经营性建设用地入市")));
        browser().cookie(SessionCookie.NAME, Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/listings/" + id)
                .then().statusCode(200)
                .body(containsString("芦溪镇集体经营性建设用地入市"))
                .body(containsString(certNo))
                .body(containsString("乡镇 " + TestData.TOWNSHIP_A))
                .body(containsString("容积率"))
                .body(containsString("建筑限高 24"))
                .body(not(containsString("href=\"/my/listings/" + id + "/registration\"")))
                .body(not(containsString("22,000,000.00")));
    }

    @Test
    void aListingThePublicMayNotSeeIsTheApisNotFoundAsAPage() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        long draft = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()));
        Map<String, Object> body = Fixtures.listing(cert, 10_000, clock.instant());
        body.put("title", "待审核页面测试");
        long pending = Fixtures.draft(TestData.TOWNSHIP_A, body);
        Fixtures.act(Tokens.township(TestData.TOWNSHIP_A), pending, "submit", 200);
        for (long id : new long[] {draft, pending, 987_654_321L}) {
            given().when().get("/api/public/listings/" + id).then().statusCode(404);
            browser().when().get("/listings/" + id).then().statusCode(404)
                    .contentType(containsString("text/html"))
                    .body(containsString("<html lang=\"zh-CN\">"))
                    .body(not(containsString("待审核页面测试")))
                    .body(not(containsString("22,000,000.00")));
        }
        // not even to its own township: the page is the public's
        browser().cookie(SessionCookie.NAME, Tokens.township(TestData.TOWNSHIP_A)).when().get("/listings/" + pending)
                .then().statusCode(404);
    }

    @Test
    void duringTheSaleBidsShowWithoutTheBidderAndAfterTheCloseTheResultNamesTheBuyer() {
                long id = lots.inBidding(Map.of("title", "竞价中页面测试", "reservePrice", "21500000.00"));
        SoldLots.Bidder bidder = lots.qualified(id);
        Auctions.bid(bidder.code(), id, "21000000.00", "page-during-" + bidder.registrationId()).then()
                .statusCode(201);
        browser().when().get("/listings/" + id).then().statusCode(200)
                .body(containsString("挂牌中"))
                .body(containsString("¥21,000,000.00"))
                .body(not(containsString("21,500,000.00")))
                .body(not(containsString("21500000.00")))
                .body(not(containsString(bidder.code())))
                .body(not(containsString(bidder.name())));

        Auctions.bid(bidder.code(), id, "22000000.00", "page-after-" + bidder.registrationId()).then()
                .statusCode(201);
        clock.advance(java.time.Duration.ofDays(22));
        closer.closeDue();
        browser().when().get("/listings/" + id).then().statusCode(200)
                .body(containsString("成交结果"))
                .body(containsString(bidder.name()))
                .body(containsString(bidder.code()))
                .body(containsString("¥22,000,000.00"))
                .body(containsString("href=\"/results\""))
                .body(not(containsString("href=\"/signin?back=%2Fmy%2Flistings")));
    }
}
