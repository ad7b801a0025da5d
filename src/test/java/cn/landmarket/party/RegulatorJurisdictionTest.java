package cn.landmarket.party;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.Pages;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A registered regulator reads and acts only within its jurisdiction: a regulator of another
 * region sees nothing of this one, neither its enterprises nor the ledger accounts of its
 * certificates and listings, and the platform's market-wide accounts are for operators.
 */
@QuarkusTest
@StandardMarket
class RegulatorJurisdictionTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    TestData data;

    private final String city = Tokens.regulator(TestData.CITY_REGULATOR);
    private final String foreign = Tokens.regulator(TestData.FOREIGN_REGULATOR);

    @Test
    void aRegulatorOfAnotherJurisdictionSeesNoneOfThisJurisdictionsEnterprises() {
        String local = data.enterprise("RJT000001", EnterpriseStatus.VERIFIED);
        List<Object> cityCodes = enterprises(city).stream().map(e -> e.get("creditCode")).toList();
        assertTrue(cityCodes.contains(local), "the city's regulator lists its enterprise");
        List<Map<String, Object>> foreignList = enterprises(foreign);
        assertTrue(foreignList.stream().noneMatch(e -> local.equals(e.get("creditCode"))), "nor anyone else's");
        assertTrue(foreignList.stream().noneMatch(e -> "510703".equals(e.get("regionCode"))),
                "another jurisdiction lists no enterprise of this one");
        given().auth().oauth2(city).when().get("/api/enterprises/" + local).then().statusCode(200);
        given().auth().oauth2(foreign).when().get("/api/enterprises/" + local).then().statusCode(403)
                .contentType(PROBLEM_JSON).body("detail", equalTo("This lies outside your jurisdiction."));
        given().auth().oauth2(Tokens.operator()).when().get("/api/enterprises/" + local).then().statusCode(200);
    }

    @Test
    void aRegulatorReadsTheLedgerAccountsOfItsJurisdictionOnlyAndNoMarketWideAccount() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 50_000));
        String account = "/api/ledger/accounts/CERT:" + cert + ":AREA_M2";
        given().auth().oauth2(city).when().get(account).then().statusCode(200).body("postedBalance", equalTo("50000"));
        given().auth().oauth2(city).when().get(account + "/statement").then().statusCode(200);
        for (String path : List.of(account, account + "/statement")) {
            given().auth().oauth2(foreign).when().get(path).then().statusCode(403).contentType(PROBLEM_JSON)
                    .body("detail", equalTo("This lies outside your jurisdiction."));
        }
        for (String marketWide : List.of("BANK", "QUOTA:ISSUED:AREA_M2")) {
            given().auth().oauth2(Tokens.operator()).when().get("/api/ledger/accounts/" + marketWide).then()
                    .statusCode(200);
            for (String path : List.of("/api/ledger/accounts/" + marketWide,
                    "/api/ledger/accounts/" + marketWide + "/statement")) {
                given().auth().oauth2(city).when().get(path).then().statusCode(403).contentType(PROBLEM_JSON)
                        .body("detail", containsString("market-wide"));
            }
        }
        given().auth().oauth2(city).when().get("/api/ledger/accounts/NO:SUCH:ACCOUNT").then().statusCode(404);
    }

    @Test
    void eachRegulatorSeesOnlyItsOwnJurisdictionsOffendingIdsInTheInvariants() {
        String shenzhen = "440304001";
        data.township(shenzhen, "福田测试街道");
        long cert = given().auth().oauth2(foreign).contentType(ContentType.JSON)
                .body(Fixtures.linkage(shenzhen, 20_000)).when().post("/api/certificates").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String id = String.valueOf(cert);
        data.execute("update certificate set transferred_area_m2 = transferred_area_m2 + 1 where id = " + cert);
        try {
            given().auth().oauth2(foreign).when().get("/api/ledger/invariants").then().statusCode(200)
                    .body("allPass", equalTo(false))
                    .body("checks.find { it.name == \"every certificate's quantity is its children's plus its remainder\" }"
                            + ".offending", hasItem(id));
            given().auth().oauth2(city).when().get("/api/ledger/invariants").then().statusCode(200)
                    .body("checks.offending.flatten()", not(hasItem(id)));
        } finally {
            data.execute("update certificate set transferred_area_m2 = transferred_area_m2 - 1 where id = " + cert);
        }
        given().auth().oauth2(foreign).when().get("/api/ledger/invariants").then().statusCode(200)
                .body("checks.offending.flatten()", not(hasItem(id)));
    }

    private static List<Map<String, Object>> enterprises(String token) {
        return Pages.all(page -> given().auth().oauth2(token).queryParam("page", page).queryParam("size", 100).when()
                .get("/api/enterprises").then().statusCode(200).extract().jsonPath(), "items");
    }
}
