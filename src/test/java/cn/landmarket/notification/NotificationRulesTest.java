package cn.landmarket.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.landmarket.common.security.Role;

class NotificationRulesTest {

    @Test
    void anAcceptedBidOutbidsOnlyTheBidderOfThePreviousBid() {
        List<Notice> notices = NotificationRules.notices("bid.accepted",
                Map.of("listingId", 7L, "sequence", 3, "bidderNo", "B2345678", "amountFen", 100L));
        assertEquals(List.of(new Notice(EventType.OUTBID, new Audience.PreviousBidder(7, 3, "B2345678"))), notices);
    }

    @Test
    void aSaleTellsTheWinnerItWonAndEveryOtherBidderItDidNot() {
        List<Notice> notices = NotificationRules.notices("listing.sold",
                Map.of("listingId", 7L, "winningBidderNo", "W2345678", "outcome", "SOLD"));
        assertEquals(List.of(new Notice(EventType.WON, new Audience.Bidder(7, "W2345678")),
                new Notice(EventType.NOT_WON, new Audience.Bidders(7, "W2345678"))), notices);
    }

    @Test
    void aQualificationAlsoAsksTheRegulatorsAboutASharedPayer() {
        List<Notice> notices = NotificationRules.notices("registration.qualified",
                Map.of("listingId", 7L, "registrationId", 1050L, "bidderNo", "Q2345678"));
        assertEquals(List.of(new Notice(EventType.QUALIFIED, new Audience.RegistrationHolder(1050)),
                new Notice(EventType.COLLUSION_SIGNAL, new Audience.RegulatorsIfSharedPayer(7, 1050))), notices);
    }

    @Test
    void entriesThatConcernNobodyAreNotWrittenToTheOutbox() {
        assertFalse(NotificationRules.notifiable("countdown.restarted"));
        assertFalse(NotificationRules.notifiable("calendar.day_set"));
        assertTrue(NotificationRules.notices("calendar.day_set", Map.of()).isEmpty());
        assertTrue(NotificationRules.notifiable("bid.accepted"));
        assertTrue(NotificationRules.notifiable(NotificationRules.COUNTDOWN_ENDING));
    }

    @Test
    void aRefundOfNoRegistrationTellsNobody() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("refundId", 5L);
        facts.put("registrationId", null);
        assertTrue(NotificationRules.notices("refund.instructed", facts).isEmpty());
    }

    @Test
    void eachKindOfOrganisationGetsOnlyTheEventsOfItsKindByDefault() {
        assertTrue(NotificationRules.defaultEvents(Role.TOWNSHIP).containsAll(
                List.of(EventType.REVIEW_OUTCOME, EventType.TRADE_SETTLED)));
        assertFalse(NotificationRules.defaultEvents(Role.TOWNSHIP).contains(EventType.OUTBID));
        assertEquals(List.of(EventType.REVIEW_QUEUE, EventType.COLLUSION_SIGNAL),
                List.copyOf(NotificationRules.defaultEvents(Role.REGULATOR)));
        assertTrue(NotificationRules.defaultEvents(Role.OPERATOR).isEmpty());
    }

    @Test
    void retriesBackOffExponentiallyUpToTheLongestWait() {
        Duration base = Duration.ofSeconds(10);
        Duration max = Duration.ofMinutes(1);
        assertEquals(Duration.ofSeconds(10), NotificationRules.backoff(1, base, max));
        assertEquals(Duration.ofSeconds(20), NotificationRules.backoff(2, base, max));
        assertEquals(Duration.ofSeconds(40), NotificationRules.backoff(3, base, max));
        assertEquals(Duration.ofMinutes(1), NotificationRules.backoff(4, base, max));
        assertEquals(Duration.ofMinutes(1), NotificationRules.backoff(60, base, max));
    }

    @Test
    void aMessageDiesAtItsLastAllowedAttempt() {
        assertFalse(NotificationRules.dead(2, 3));
        assertTrue(NotificationRules.dead(3, 3));
    }

    @Test
    void amountsAreWrittenInFiguresAndInCapitals() {
        String body = NotificationTexts.render(EventType.PAYMENT_RECEIVED, "trade.payment", Map.of("listingNo", "GP-1",
                "appliedFen", 1_840_000_000L, "paidFen", 1_840_000_000L, "outstandingFen", 0L),
                ZoneId.of("Asia/Shanghai")).body();
        assertTrue(body.contains("人民币 18400000.00 元（大写：壹仟捌佰肆拾万元整）"), body);
        assertTrue(body.contains("人民币 0.00 元（大写：零元整）"), body);
    }

    @Test
    void anOutbidMessageNamesOnlyTheRecipientsOwnBidderNumber() {
        String body = NotificationTexts.render(EventType.OUTBID, "bid.accepted", Map.of("listingNo", "GP-1",
                "bidderNo", "NEWBIDDR", "recipientBidderNo", "MYNUMBER", "amountFen", 100L),
                ZoneId.of("Asia/Shanghai")).body();
        assertTrue(body.contains("MYNUMBER"), body);
        assertFalse(body.contains("NEWBIDDR"), body);
    }

    @Test
    void theWebhookSignatureIsTheHmacOfTimestampDotBody() {
        String body = "{\"id\":\"x\",\"text\":\"价款\"}";
        String signature = WebhookSignature.sign("0123456789abcdef-secret", 1_767_225_600L, body);
        // computed independently with Python's hmac module
        assertEquals("sha256=11cea1591c586a596fea0bc422523c89fd3b41de90cd5cdd4a0fd24700dfb3b6", signature);
        assertTrue(WebhookSignature.verify("0123456789abcdef-secret", 1_767_225_600L, body, signature));
        assertFalse(WebhookSignature.verify("0123456789abcdef-secret", 1_767_225_601L, body, signature));
        assertFalse(WebhookSignature.verify("another-secret-0000", 1_767_225_600L, body, signature));
    }

    @Test
    void messageIdsAreStableForTheSameEventRecipientAndChannel() {
        assertEquals(NotificationService.messageId(5, EventType.WON, "X", Channel.EMAIL),
                NotificationService.messageId(5, EventType.WON, "X", Channel.EMAIL));
        assertFalse(NotificationService.messageId(5, EventType.WON, "X", Channel.EMAIL)
                .equals(NotificationService.messageId(5, EventType.WON, "X", Channel.WEBHOOK)));
    }
}
