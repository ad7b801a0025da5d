package cn.landmarket.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Notifications end to end: a sale run with an SMTP server (GreenMail, in process) and a webhook
 * receiver of our own, counting what arrives; a receiver that is down for a while; dead letters and
 * replay; redelivery by id after a crash.
 */
@QuarkusTest
@StandardMarket
@TestProfile(NotificationFlowTest.WithSmtp.class)
class NotificationFlowTest {

    private static final String PORT_PROPERTY = "landmarket.test.smtp-port";

    /** The mailer pointed at GreenMail's port (chosen once, kept in a system property), few attempts. */
    public static class WithSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(smtpPort()), "quarkus.mailer.start-tls", "DISABLED",
                    "quarkus.mailer.tls", "false", "market.notification.max-attempts", "4",
                    "market.notification.retry-base", "PT10S", "market.notification.retry-max", "PT1H");
        }
    }

    static synchronized int smtpPort() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = String.valueOf(socket.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            System.setProperty(PORT_PROPERTY, port);
        }
        return Integer.parseInt(port);
    }

    private static GreenMail mail;
    private static WebhookReceiver hooks;

    @BeforeAll
    static void servers() throws IOException {
        mail = new GreenMail(new ServerSetup(smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        hooks = new WebhookReceiver();
    }

    @AfterAll
    static void stopServers() {
        mail.stop();
        hooks.close();
    }

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    AuctionCloser closer;

    @Inject
    SettlementSweep settlement;

    @Inject
    NotificationWorker worker;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static final String SECRET = "a-webhook-secret-of-the-test";

    private record Bidder(String code, String serial, long registrationId, String account) {
        String payer() {
            return "测试企业" + serial;
        }

        String token() {
            return Tokens.enterprise(code);
        }
    }

    private static String serial() {
        return "N" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private static void prefer(String token, String email, String webhookUrl) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("webhookUrl", webhookUrl);
        body.put("webhookSecret", webhookUrl == null ? null : SECRET);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/notifications/preferences").then().statusCode(200);
    }

    private Bidder enterprise(String email, String hookPath) {
        String serial = serial();
        String code = data.enterprise(serial, EnterpriseStatus.VERIFIED);
        prefer(Tokens.enterprise(code), email, hookPath == null ? null : hooks.url(hookPath, SECRET));
        return new Bidder(code, serial, 0, null);
    }

    private Bidder register(Bidder b, long listingId) {
        JsonPath view = given().auth().oauth2(b.token()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/listings/" + listingId + "/registrations").then().statusCode(201)
                .extract().jsonPath();
        return new Bidder(b.code(), b.serial(), view.getLong("id"), view.getString("payTo.virtualAccount"));
    }

    private void pay(Bidder b, String amount, String txId) {
        BankFeed.deliver(BankFeed.credit(txId, b.account(), amount, b.payer(), clock.instant())).statusCode(200);
    }

    /** Messages GreenMail received for an address, of one listing (by its number in the subject). */
    private static List<MimeMessage> mailTo(String address, String listingNo) throws MessagingException {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)
                    && (listingNo == null || m.getSubject().contains(listingNo))) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<String> events(List<WebhookReceiver.Delivery> deliveries) {
        return deliveries.stream().map(WebhookReceiver.Delivery::event).toList();
    }

    private static List<String> subjects(List<MimeMessage> messages) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : messages) {
            subjects.add(m.getSubject());
        }
        return subjects;
    }

    @Test
    void aSaleReachesEveryPartyByMailAndWebhookOnceInOrderWithoutNamingAnyoneElse() throws Exception {
        String tag = serial();
        String township = Tokens.township(TestData.TOWNSHIP_A);
        String townshipMail = "township-" + tag + "@a.test";
        prefer(township, townshipMail, hooks.url("/township-" + tag, SECRET));
        String regulatorMail = "regulator-" + tag + "@city.test";
        prefer(Tokens.regulator(TestData.CITY_REGULATOR), regulatorMail, null);
        Bidder a = enterprise("a-" + tag + "@bidder.test", "/a-" + tag);
        Bidder b = enterprise("b-" + tag + "@bidder.test", "/b-" + tag);

        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String listingNo = data.value(String.class, "select l.listingNo from Listing l where l.id = ?1", id);
        a = register(a, id);
        b = register(b, id);
        pay(a, "4000000.00", "DEP-" + a.registrationId());
        pay(b, "4000000.00", "DEP-" + b.registrationId());
        Auctions.bid(a.code(), id, "22000000.00", "a1-" + tag).then().statusCode(201);
        Auctions.bid(b.code(), id, "22200000.00", "b1-" + tag).then().statusCode(201);
        // b raises its own bid: that outbids nobody, so each bidder is told of being outbid once.
        Auctions.bid(b.code(), id, "22400000.00", "b2-" + tag).then().statusCode(201);
        Auctions.bid(a.code(), id, "22600000.00", "a2-" + tag).then().statusCode(201);
        worker.runOnce();

        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        assertEquals("TIMED_BIDDING", data.value(String.class, "select cast(l.status as String) from Listing l "
                + "where l.id = ?1", id));
        clock.advance(Duration.ofSeconds(250));
        worker.runOnce();
        clock.advance(Duration.ofSeconds(60));
        closer.closeDue();
        settlement.run();
        long tradeId = given().auth().oauth2(township).when().get("/api/listings/" + id + "/trade").then()
                .statusCode(200).extract().jsonPath().getLong("id");
        JsonPath trade = given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when()
                .get("/api/trades/" + tradeId).then().statusCode(200).extract().jsonPath();
        for (String token : List.of(township, a.token())) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("sha256", trade.getString("confirmationSha256")))
                    .when().post("/api/trades/" + tradeId + "/confirmations").then().statusCode(200);
        }
        BankFeed.deliver(BankFeed.credit("PAY-" + tradeId, trade.getString("paymentAccount"), "18600000.00",
                a.payer(), clock.instant())).statusCode(200).body("outcome", equalTo("PAYMENT_COMPLETE"));
        worker.runOnce();
        worker.runOnce();

        List<String> toWinner = List.of("REGISTRATION_ACCEPTED", "QUALIFIED", "OUTBID", "TIMED_BIDDING_STARTED",
                "COUNTDOWN_ENDING", "WON", "CONFIRMATION_DUE", "PAYMENT_DUE", "PAYMENT_RECEIVED");
        List<String> toLoser = List.of("REGISTRATION_ACCEPTED", "QUALIFIED", "OUTBID", "TIMED_BIDDING_STARTED",
                "COUNTDOWN_ENDING", "NOT_WON", "REFUND_INSTRUCTED");
        List<String> toTownship = List.of("REVIEW_OUTCOME", "SELLER_CONFIRMATION_DUE", "TRADE_SETTLED");
        assertEquals(toWinner, events(hooks.at("/a-" + tag)));
        assertEquals(toLoser, events(hooks.at("/b-" + tag)));
        assertEquals(toTownship, events(hooks.at("/township-" + tag).stream()
                .filter(d -> String.valueOf(id).equals(String.valueOf(d.listingId()))).toList()));
        for (String path : List.of("/a-" + tag, "/b-" + tag, "/township-" + tag)) {
            List<WebhookReceiver.Delivery> got = hooks.at(path);
            assertTrue(got.stream().allMatch(WebhookReceiver.Delivery::signed), path + " signatures");
            assertEquals(got.size(), new HashSet<>(got.stream().map(WebhookReceiver.Delivery::id).toList()).size(),
                    path + " got a message twice");
        }

        List<MimeMessage> mailA = mailTo("a-" + tag + "@bidder.test", listingNo);
        List<MimeMessage> mailB = mailTo("b-" + tag + "@bidder.test", listingNo);
        assertEquals(toWinner.size(), mailA.size(), () -> "winner's mail: " + safeSubjects(mailA));
        assertEquals(toLoser.size(), mailB.size(), () -> "loser's mail: " + safeSubjects(mailB));
        assertEquals(toTownship.size(), mailTo(townshipMail, listingNo).size());
        List<MimeMessage> regulator = mailTo(regulatorMail, listingNo);
        assertEquals(2, regulator.size(), () -> "regulator's mail: " + safeSubjects(regulator));
        assertTrue(regulator.get(0).getSubject().contains(EventType.REVIEW_QUEUE.title()));
        assertTrue(regulator.get(1).getSubject().contains(EventType.COLLUSION_SIGNAL.title()),
                "both deposits came from one payer account");

        String bidderNoA = data.value(String.class, "select r.bidderNo from Registration r where r.id = ?1",
                a.registrationId());
        String bidderNoB = data.value(String.class, "select r.bidderNo from Registration r where r.id = ?1",
                b.registrationId());
        String wonMail = text(mailA.get(5));
        assertTrue(mailA.get(5).getHeader("X-Notification-Id")[0].matches("[0-9a-f-]{36}"));
        assertTrue(wonMail.contains("22600000.00") && wonMail.contains("贰仟贰佰陆拾万元整"), wonMail);
        for (MimeMessage m : mailA) {
            String body = text(m);
            assertFalse(body.contains(bidderNoB) || body.contains(b.code()) || body.contains(b.payer()), body);
        }
        for (MimeMessage m : mailB) {
            String body = text(m);
            assertFalse(body.contains(bidderNoA) || body.contains(a.code()) || body.contains(a.payer()), body);
        }
        for (WebhookReceiver.Delivery d : hooks.at("/township-" + tag)) {
            assertFalse(d.body().contains(a.code()) || d.body().contains(a.payer()) || d.body().contains(bidderNoA),
                    d.body());
        }
    }

    /** The decoded text of a plain-text message. */
    private static String text(MimeMessage m) throws IOException, MessagingException {
        return (String) m.getContent();
    }

    private static List<String> safeSubjects(List<MimeMessage> messages) {
        try {
            return subjects(messages);
        } catch (MessagingException e) {
            return List.of(e.toString());
        }
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsEveryMessageInOrderOnceItIsBack() {
        String path = "/down-" + serial();
        Bidder c = enterprise(null, path);
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        c = register(c, id);
        pay(c, "1000000.00", "P1-" + c.registrationId());
        pay(c, "3000000.00", "P2-" + c.registrationId());
        hooks.down.set(true);
        try {
            worker.runOnce();
            clock.advance(Duration.ofSeconds(10));
            worker.runOnce();
            assertTrue(hooks.at(path).isEmpty());
            hooks.down.set(false);
            worker.runOnce();
            assertTrue(hooks.at(path).isEmpty(), "nothing goes before the first message is due again");
            clock.advance(Duration.ofSeconds(20));
            worker.runOnce();
        } finally {
            hooks.down.set(false);
        }
        assertEquals(List.of("REGISTRATION_ACCEPTED", "DEPOSIT_COUNTED", "QUALIFIED"), events(hooks.at(path)));
        assertEquals(3, new HashSet<>(hooks.at(path).stream().map(WebhookReceiver.Delivery::id).toList()).size());
        given().auth().oauth2(c.token()).when().get("/api/notifications/messages").then().statusCode(200)
                .body("items.find { it.event == 'REGISTRATION_ACCEPTED' }.attempts", equalTo(3))
                .body("items.find { it.event == 'QUALIFIED' }.attempts", equalTo(1));
    }

    @Test
    void aMessageThatFailsEveryAttemptIsADeadLetterThatAnOperatorCanReplay() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String serial = serial();
        String code = data.enterprise(serial, EnterpriseStatus.VERIFIED);
        Bidder e = new Bidder(code, serial, 0, null);
        prefer(e.token(), null, "http://127.0.0.1:" + closed + "/nobody");
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        register(e, id);
        for (int attempt = 0; attempt < 4; attempt++) {
            worker.runOnce();
            clock.advance(Duration.ofHours(1));
        }
        String operator = Tokens.operator();
        String messageId = given().auth().oauth2(operator).when().get("/api/notifications/dead-letters?size=100")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.recipient == '" + code + "' }.id");
        given().auth().oauth2(operator).when().get("/api/notifications/dead-letters?size=100").then()
                .body("items.find { it.recipient == '" + code + "' }.attempts", equalTo(4));

        String path = "/replayed-" + serial;
        prefer(e.token(), null, hooks.url(path, SECRET));
        given().auth().oauth2(e.token()).when().post("/api/notifications/dead-letters/" + messageId + "/replay")
                .then().statusCode(403);
        given().auth().oauth2(operator).when().post("/api/notifications/dead-letters/not-a-uuid/replay")
                .then().statusCode(400).body("errors.code", hasItem("notification.message-id"));
        given().auth().oauth2(operator).when().post("/api/notifications/dead-letters/" + messageId + "/replay")
                .then().statusCode(200).body("attempts", equalTo(0)).body("deadAt", equalTo(null));
        worker.runOnce();
        assertEquals(List.of(messageId), hooks.at(path).stream().map(WebhookReceiver.Delivery::id).toList());
        given().auth().oauth2(operator).when().post("/api/notifications/dead-letters/" + messageId + "/replay")
                .then().statusCode(409);
    }

    @Test
    void aMessageCommittedButNotDeliveredBeforeACrashIsDeliveredAfterTheRestartUnderTheSameId() {
        String path = "/crash-" + serial();
        Bidder f = enterprise(null, path);
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        f = register(f, id);
        long registrationId = f.registrationId();
        // committed with the registration: the outbox row, not yet any message or delivery
        assertEquals(1L, data.count("select count(*) from Registration r where r.id = ?1", registrationId));
        assertEquals(1, data.execute("update notification_event set created_at = created_at " // finds exactly it

                + "where kind = 'registration.created' and (entry #>> '{facts,registrationId}')::bigint = "
                + registrationId));
        assertTrue(hooks.at(path).isEmpty());

        // a fresh worker (as after a restart) finds it, expands it and delivers it once
        worker.runOnce();
        worker.runOnce();
        assertEquals(List.of("REGISTRATION_ACCEPTED"), events(hooks.at(path)));
        String messageId = hooks.at(path).get(0).id();

        // expanding the event again makes no second message
        data.execute("update notification_event set expanded_at = null where kind = 'registration.created' "
                + "and (entry #>> '{facts,registrationId}')::bigint = " + registrationId);
        worker.runOnce();
        assertEquals(1, hooks.at(path).size());

        // a crash after the receiver took it but before delivered_at committed: sent again, same id
        data.execute("update notification_message set delivered_at = null where id = '" + messageId + "'");
        worker.runOnce();
        assertEquals(List.of(messageId, messageId), hooks.at(path).stream().map(WebhookReceiver.Delivery::id).toList());
    }

    @Test
    void badPreferencesAreRefusedWithEveryReasonAndChangeNothing() {
        Bidder g = enterprise("g@bidder.test", null);
        given().auth().oauth2(g.token()).contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-address", "webhookUrl", "ftp://example.cn/x", "webhookSecret", "short",
                        "events", List.of("OUTBID", "TRADE_SETTLED")))
                .when().put("/api/notifications/preferences").then().statusCode(400)
                .body("errors.field", equalTo(List.of("email", "webhookUrl", "webhookSecret", "events[1]")));
        given().auth().oauth2(g.token()).when().get("/api/notifications/preferences").then().statusCode(200)
                .body("email", equalTo("g@bidder.test")).body("webhookSecretSet", equalTo(false))
                .body("defaultEvents", equalTo(true)).body("events", hasItem("OUTBID"));
        given().auth().oauth2(g.token()).contentType(ContentType.JSON)
                .body(Map.of("email", "g@bidder.test", "events", List.of("WON")))
                .when().put("/api/notifications/preferences").then().statusCode(200)
                .body("events", equalTo(List.of("WON"))).body("defaultEvents", equalTo(false));
        given().auth().oauth2(Tokens.enterprise("91510703MA0000000X")).when().get("/api/notifications/preferences")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.operator()).when().get("/api/notifications/preferences").then().statusCode(403);
    }
}
