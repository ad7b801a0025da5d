package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The verification page as HTML: the form, what it says without JavaScript, and its pre-filling from the URL. */
@QuarkusTest
class VerifyPageTest {

    @Test
    void theFormExplainsThatVerificationRunsInTheBrowserAndPointsToTheOfflineVerifier() {
        given().when().get("/verify").then().log().ifValidationFails().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("<h1>验证收据</h1>"))
                .body(containsString("<form id=\"verify-form\" class=\"verify\" method=\"get\" action=\"/verify\""))
                .body(containsString("data-autorun=\"false\""))
                .body(containsString("name=\"leaf\""))
                .body(containsString("name=\"index\""))
                .body(containsString("<noscript><p class=\"notice\" id=\"verify-noscript\">本页的验证需要 JavaScript"))
                .body(containsString("在您的浏览器中核对"))
                .body(containsString("land-market-&lt;版本&gt;-verifier.jar"))
                .body(containsString("<script src=\"/assets/verify.js\" defer></script>"))
                .body(containsString("role=\"status\" aria-live=\"polite\""))
                .body(not(containsString("style=\"")));
    }

    @Test
    void inEnglishTheSameFormAndPointerAreInEnglish() {
        given().header("Accept-Language", "en").when().get("/verify").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<h1>Verify a receipt</h1>"))
                .body(containsString("The verification on this page needs JavaScript"))
                .body(containsString("land-market-&lt;version&gt;-verifier.jar"))
                .body(containsString("<span data-k=\"verified\">Verified</span>"))
                .body(containsString("<span data-k=\"status.SOLD\">Sold</span>"));
    }

    @Test
    void aLeafOrIndexInTheAddressFillsTheFormAndRunsItButAnythingElseIsOnlyText() {
        String leaf = "ab".repeat(32);
        given().queryParam("leaf", leaf).when().get("/verify").then().statusCode(200)
                .body(containsString(">" + leaf + "</textarea>"))
                .body(containsString("data-autorun=\"true\""));
        given().queryParam("index", "42").when().get("/verify").then().statusCode(200)
                .body(containsString("value=\"42\""))
                .body(containsString("data-autorun=\"true\""));
        given().queryParam("leaf", "</textarea><script>alert(1)</script>").when().get("/verify").then()
                .statusCode(200)
                .body(not(containsString("<script>alert(1)</script>")))
                .body(containsString("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        given().queryParam("index", "-1\"><b>").when().get("/verify").then().statusCode(200)
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("格式不正确，已忽略。"))
                .body(containsString("data-autorun=\"false\""))
                .body(not(containsString("<b>")));
    }

    @Test
    void theScriptIsServedAsAFileUnderTheStrictContentSecurityPolicy() {
        given().when().get("/assets/verify.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("crypto.subtle.verify"));
        given().when().get("/verify").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }
}
