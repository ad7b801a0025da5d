package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.common.security.Role;
import cn.landmarket.notification.EventType;
import cn.landmarket.notification.NotificationRules;
import cn.landmarket.notification.NotificationWorker;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The notification pages as HTML: who may open which, each organisation's channels and events with
 * the defaults of its kind, a save that the API reads back (the secret never shown), a refused save
 * that names every bad field and changes nothing, the organisation's messages paged, and the
 * operators' dead letters with a replay that works once.
 */
@QuarkusTest
@StandardMarket
class NotificationPagesTest {

    static final String CSRF = EnterprisePagesTest.CSRF;
    private static final String SECRET = "a-page-webhook-secret-0123";

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    NotificationWorker worker;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static RequestSpecification as(String token) {
        return CentrePagesTest.as(token);
    }

    private String enterprise() {
        return data.enterprise("P" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                EnterpriseStatus.VERIFIED);
    }

    private static JsonPath preferences(String token) {
        return given().auth().oauth2(token).when().get("/api/notifications/preferences").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The ticked checkboxes of the page, in order. */
    private static List<String> ticked(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"events\" value=\"([A-Z_]+)\"( checked)?").matcher(html);
        while (m.find()) {
            if (m.group(2) != null) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static List<String> offered(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"events\" value=\"([A-Z_]+)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> names(Role role) {
        return NotificationRules.defaultEvents(role).stream().map(Enum::name).toList();
    }

    // ---- access ---------------------------------------------------------------------------------

    @Test
    void organisationsOpenTheirNotificationsAndOnlyOperatorsTheDeadLetters() {
        String code = enterprise();
        Map<String, String> readers = Map.of("enterprise", Tokens.enterprise(code),
                "township", Tokens.township(TestData.TOWNSHIP_A),
                "regulator", Tokens.regulator(TestData.CITY_REGULATOR), "operator", Tokens.operator());
        for (String path : List.of("/notifications", "/centre/dead-letters")) {
            given().redirects().follow(false).when().get(path).then().statusCode(303)
                    .header("Location", containsString("/signin?back="));
            for (Map.Entry<String, String> reader : readers.entrySet()) {
                boolean allowed = path.equals("/notifications") != reader.getKey().equals("operator");
                as(reader.getValue()).accept("text/html").when().get(path).then()
                        .statusCode(allowed ? 200 : 403);
            }
        }
        // an enterprise the platform does not know is turned away as the API turns it away
        as(Tokens.enterprise("91510703MA0000000X")).accept("text/html").when().get("/notifications").then()
                .statusCode(403);
        // forms need their token, and an operator cannot save an organisation's choices
        as(Tokens.enterprise(code)).formParams(Map.of("email", "x@bidder.test")).when().post("/notifications").then()
                .statusCode(403);
        as(Tokens.operator()).formParams(Map.of("csrf", CSRF, "email", "x@bidder.test")).when()
                .post("/notifications").then().statusCode(403);
        assertEquals(null, preferences(Tokens.enterprise(code)).getString("email"));
        as(Tokens.enterprise(code)).formParams(Map.of("csrf", CSRF)).when()
                .post("/centre/dead-letters/" + java.util.UUID.randomUUID() + "/replay").then().statusCode(403);
        as(Tokens.operator()).when().post("/centre/dead-letters/" + java.util.UUID.randomUUID() + "/replay").then()
                .statusCode(403);
        // each console links the page
        as(Tokens.enterprise(code)).when().get("/my").then().statusCode(200)
                .body(containsString("href=\"/notifications\""));
        as(Tokens.township(TestData.TOWNSHIP_A)).when().get("/township").then().statusCode(200)
                .body(containsString("href=\"/notifications\""));
        as(Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/regulator").then().statusCode(200)
                .body(containsString("href=\"/notifications\""));
        as(Tokens.operator()).when().get("/centre").then().statusCode(200)
                .body(containsString("href=\"/centre/dead-letters\"")).body(containsString("data-count=\"dead-letters\""));
    }

    @Test
    void eachKindOfOrganisationIsOfferedItsOwnEventsAllTickedUntilItChooses() {
        String code = enterprise();
        String html = as(Tokens.enterprise(code)).when().get("/notifications").then().statusCode(200)
                .body(containsString("通知设置")).body(containsString("出价已被超过"))
                .body(containsString("本单位的最高出价已被他人超过。")).body(containsString("data-default=\"true\""))
                .body(containsString("data-secret-set=\"false\"")).body(containsString("还没有发给本单位的通知。"))
                .extract().asString();
        assertEquals(names(Role.ENTERPRISE), offered(html));
        assertEquals(names(Role.ENTERPRISE), ticked(html));

        String township = as(Tokens.township(TestData.TOWNSHIP_A)).when().get("/notifications").then()
                .statusCode(200).body(containsString("挂牌审核结果")).extract().asString();
        assertEquals(names(Role.TOWNSHIP), offered(township));
        String regulator = as(Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/notifications").then()
                .statusCode(200).body(containsString("新的串通迹象")).extract().asString();
        assertEquals(names(Role.REGULATOR), offered(regulator));
        assertFalse(regulator.contains("value=\"OUTBID\""));

        as(Tokens.enterprise(code)).cookie("lang", "en").when().get("/notifications").then().statusCode(200)
                .body(containsString("Notifications")).body(containsString("Your highest bid has been beaten."))
                .body(not(containsString("出价已被超过")));
    }

    // ---- saving ---------------------------------------------------------------------------------

    @Test
    void aSaveIsWhatTheApiReadsBackAndTheSecretIsKeptButNeverShown() {
        String code = enterprise();
        String token = Tokens.enterprise(code);
        as(token).formParams(Map.of("csrf", CSRF, "email", " notice@bidder.test ",
                "webhookUrl", "https://hooks.bidder.test/land", "webhookSecret", SECRET,
                "events", List.of("OUTBID", "WON"))).when().post("/notifications").then().statusCode(303)
                .header("Location", containsString("/notifications?saved=1"));
        JsonPath api = preferences(token);
        assertEquals("notice@bidder.test", api.getString("email"));
        assertEquals("https://hooks.bidder.test/land", api.getString("webhookUrl"));
        assertTrue(api.getBoolean("webhookSecretSet"));
        assertEquals(List.of("OUTBID", "WON"), api.getList("events"));

        String html = as(token).when().get("/notifications?saved=1").then().statusCode(200)
                .body(containsString("已保存通知设置。")).body(containsString("value=\"notice@bidder.test\""))
                .body(containsString("data-secret-set=\"true\"")).body(containsString("data-default=\"false\""))
                .body(not(containsString(SECRET))).extract().asString();
        assertEquals(List.of("OUTBID", "WON"), ticked(html));

        // saved again with the secret left empty: the secret is kept; every event ticked is the default again
        as(token).formParams(Map.of("csrf", CSRF, "email", "notice@bidder.test",
                "webhookUrl", "https://hooks.bidder.test/land", "webhookSecret", "",
                "events", names(Role.ENTERPRISE))).when().post("/notifications").then().statusCode(303);
        api = preferences(token);
        assertTrue(api.getBoolean("webhookSecretSet"));
        assertTrue(api.getBoolean("defaultEvents"));
        assertEquals(1, keptSecret(code), "the secret typed first is still the one stored");

        // the webhook emptied: no URL, no secret
        as(token).formParams(Map.of("csrf", CSRF, "email", "notice@bidder.test", "webhookUrl", "",
                "webhookSecret", "", "events", List.of())).when().post("/notifications").then().statusCode(303);
        api = preferences(token);
        assertEquals(null, api.getString("webhookUrl"));
        assertFalse(api.getBoolean("webhookSecretSet"));
        assertEquals(List.of(), api.getList("events"));
    }

    /** 1 when the organisation's stored secret is still {@link #SECRET} (a no-op update counts the row). */
    private int keptSecret(String code) {
        return data.execute("update notification_preference set updated_at = updated_at where org_code = '" + code
                + "' and webhook_secret = '" + SECRET + "'");
    }

    @Test
    void aRefusedSaveNamesEveryBadFieldBesideItAndChangesNothing() {
        String code = enterprise();
        String token = Tokens.enterprise(code);
        as(token).formParams(Map.of("csrf", CSRF, "email", "notice@bidder.test", "events", List.of("WON")))
                .when().post("/notifications").then().statusCode(303);

        String html = as(token).formParams(Map.of("csrf", CSRF, "email", "not-an-address",
                "webhookUrl", "ftp://hooks.bidder.test/x", "webhookSecret", "short", "events", List.of("OUTBID")))
                .when().post("/notifications").then().statusCode(400)
                .body(containsString("role=\"alert\"")).body(containsString("通知设置未保存"))
                .body(containsString("id=\"email-error\"")).body(containsString("id=\"webhookUrl-error\""))
                .body(containsString("id=\"webhookSecret-error\""))
                .body(containsString("value=\"not-an-address\"")).body(containsString("value=\"ftp://hooks.bidder.test/x\""))
                .body(not(containsString("value=\"short\""))).body(not(containsString("Exception")))
                .extract().asString();
        assertEquals(3, html.split("aria-invalid=\"true\"", -1).length - 1, html);
        // what was ticked stays ticked, to be corrected and sent again
        assertEquals(List.of("OUTBID"), ticked(html));

        JsonPath api = preferences(token);
        assertEquals("notice@bidder.test", api.getString("email"));
        assertEquals(null, api.getString("webhookUrl"));
        assertEquals(List.of("WON"), api.getList("events"));

        // in English, with the API's English reasons
        as(token).cookie("lang", "en").formParams(Map.of("csrf", CSRF, "email", "not-an-address"))
                .when().post("/notifications").then().statusCode(400)
                .body(containsString("The e-mail address must look like name@example.cn"))
                .body(containsString("were not saved"));
        // an event of another kind of organisation, as a forged form would send it
        as(token).formParams(Map.of("csrf", CSRF, "events", List.of("TRADE_SETTLED"))).when().post("/notifications")
                .then().statusCode(400).body(containsString("TRADE_SETTLED"));
        assertEquals(List.of("WON"), preferences(token).getList("events"));
    }

    // ---- messages -------------------------------------------------------------------------------

    @Test
    void theOrganisationsOwnMessagesArePagedNewestFirst() {
        String code = enterprise();
        String other = enterprise();
        data.execute("insert into notification_event (kind, entry, expanded_at) values ('test.pages', '{}', now())");
        String event = "(select max(id) from notification_event where kind = 'test.pages')";
        data.execute("insert into notification_message (id, event_id, event_type, recipient_org, channel, subject, "
                + "body, payload, created_at, next_attempt_at, delivered_at, attempts) select gen_random_uuid(), "
                + event + ", 'OUTBID', '" + code + "', 'EMAIL', 's', 'b', '{}', "
                + "now() - make_interval(mins => 30 - g), now(), now(), 1 from generate_series(1, 24) g");
        data.execute("insert into notification_message (id, event_id, event_type, recipient_org, channel, subject, "
                + "body, payload, created_at, next_attempt_at, attempts, last_error) values (gen_random_uuid(), "
                + event + ", 'WON', '" + code + "', 'WEBHOOK', 's', 'b', '{}', now(), now() + interval '1 hour', 2, "
                + "'HTTP 503')");
        data.execute("insert into notification_message (id, event_id, event_type, recipient_org, channel, subject, "
                + "body, payload, created_at, next_attempt_at) values (gen_random_uuid(), " + event + ", 'QUALIFIED', '"
                + other + "', 'EMAIL', 's', 'b', '{}', now(), now() + interval '1 day')");

        String first = as(Tokens.enterprise(code)).when().get("/notifications").then().statusCode(200)
                .body(containsString("共 25 条")).body(containsString("rel=\"next\""))
                .body(not(containsString("rel=\"prev\""))).extract().asString();
        // the newest, still being retried, comes first with its error
        int won = first.indexOf("data-delivery=\"RETRYING\"");
        assertTrue(won > 0 && won < first.indexOf("data-delivery=\"DELIVERED\""), first);
        assertTrue(first.contains("HTTP 503") && first.contains("重试中") && first.contains("竞得"), first);
        assertEquals(NotificationPages.PAGE_SIZE, first.split("data-message-id=", -1).length - 1);
        assertFalse(first.contains("已取得竞买资格</th>"), "another organisation's message is not shown");

        String second = as(Tokens.enterprise(code)).when().get("/notifications?page=1").then().statusCode(200)
                .body(containsString("rel=\"prev\"")).body(not(containsString("rel=\"next\""))).extract().asString();
        assertEquals(5, second.split("data-message-id=", -1).length - 1);
        assertTrue(second.contains("已送达"), second);
    }

    // ---- dead letters ---------------------------------------------------------------------------

    /** The page of the dead letters on which the message is, read as the operator. */
    private static String pageWith(String messageId) {
        for (int p = 0; p < 100; p++) {
            String html = as(Tokens.operator()).when().get("/centre/dead-letters?page=" + p).then().statusCode(200)
                    .extract().asString();
            if (html.contains("data-message-id=\"" + messageId + "\"")) {
                return html;
            }
            if (!html.contains("rel=\"next\"")) {
                break;
            }
        }
        return null;
    }

    @Test
    void anOperatorReplaysADeadLetterOnceAndIsToldSo() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String code = enterprise();
        String token = Tokens.enterprise(code);
        as(token).formParams(Map.of("csrf", CSRF, "webhookUrl", "http://127.0.0.1:" + closed + "/nobody",
                "webhookSecret", SECRET, "events", List.of("REGISTRATION_ACCEPTED"))).when().post("/notifications")
                .then().statusCode(303);
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        long listingId = Fixtures.announced(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()), clock);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").when()
                .post("/api/listings/" + listingId + "/registrations").then().statusCode(201);
        for (int attempt = 0; attempt < 8; attempt++) {
            worker.runOnce();
            clock.advance(Duration.ofHours(1));
        }
        String messageId = given().auth().oauth2(token).when().get("/api/notifications/messages").then()
                .statusCode(200).body("items[0].event", equalTo(EventType.REGISTRATION_ACCEPTED.name()))
                .body("items[0].deadAt", not(equalTo(null))).extract().path("items[0].id");

        // the organisation sees it given up on its own page
        as(token).when().get("/notifications").then().statusCode(200).body(containsString("已放弃"))
                .body(containsString("data-delivery=\"DEAD\""));

        // the operator finds it with its recipient, attempts and last error; the home counts it
        String html = pageWith(messageId);
        assertTrue(html != null, "the dead letter is listed");
        int row = html.indexOf("data-message-id=\"" + messageId + "\"");
        String line = html.substring(row, html.indexOf("</tr>", row));
        assertTrue(line.contains(code) && line.contains("注册或报名已受理") && line.contains("Webhook"), line);
        assertTrue(line.contains("<td class=\"num\">8</td>"), line);
        assertTrue(line.contains("action=\"/centre/dead-letters/" + messageId + "/replay\""), line);
        assertFalse(line.contains("<td class=\"code\">—</td>"), "the last error is shown: " + line);
        String home = as(Tokens.operator()).when().get("/centre").then().statusCode(200).extract().asString();
        assertFalse(home.contains("data-count=\"dead-letters\">0<"), home);

        // replayed: confirmed, no longer dead, its attempts from zero, logged
        as(Tokens.operator()).formParams(Map.of("csrf", CSRF)).when()
                .post("/centre/dead-letters/" + messageId + "/replay").then().statusCode(303)
                .header("Location", containsString("/centre/dead-letters?replayed=" + messageId));
        as(Tokens.operator()).when().get("/centre/dead-letters?replayed=" + messageId).then().statusCode(200)
                .body(containsString("已重新投递通知 " + messageId));
        given().auth().oauth2(token).when().get("/api/notifications/messages").then().statusCode(200)
                .body("items[0].id", equalTo(messageId)).body("items[0].deadAt", equalTo(null))
                .body("items[0].attempts", equalTo(0));
        assertEquals(null, pageWith(messageId));

        // a second replay is refused with the API's reason, and so is an id that is not one
        as(Tokens.operator()).formParams(Map.of("csrf", CSRF)).when()
                .post("/centre/dead-letters/" + messageId + "/replay").then().statusCode(409)
                .body(containsString("role=\"alert\"")).body(containsString(messageId));
        as(Tokens.operator()).formParams(Map.of("csrf", CSRF)).when()
                .post("/centre/dead-letters/not-a-uuid/replay").then().statusCode(400)
                .body(containsString("role=\"alert\""));
        as(Tokens.operator()).when().get("/centre/dead-letters?replayed=%3Cscript%3E").then().statusCode(200)
                .body(not(containsString("已重新投递"))).body(not(containsString("<script>")));
    }
}
