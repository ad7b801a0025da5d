package cn.landmarket.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.landmarket.common.security.Role;

/**
 * Which audit entries are notifiable, whom each one concerns, and how deliveries back off: plain
 * rules, given the entry's type and facts (README, "Notifications").
 */
public final class NotificationRules {

    /** Kinds of the events the reminder job writes (not audit entries). */
    public static final String COUNTDOWN_ENDING = "reminder.countdown_ending";
    public static final String DEFAULT_WARNING = "reminder.default_warning";

    private static final Set<String> NOTIFIABLE = Set.of("enterprise.verified", "enterprise.rejected",
            "registration.created", "registration.deposit_counted", "registration.qualified", "bid.accepted",
            "listing.timed_bidding", "listing.sold", "listing.unsold", "listing.pending_review", "listing.approved",
            "listing.rejected", "trade.created", "trade.awaiting_payment", "trade.payment", "trade.settled",
            "refund.instructed", "refund.paid", COUNTDOWN_ENDING, DEFAULT_WARNING);

    private NotificationRules() {
    }

    /** Whether an entry of this type may concern anyone; the others are not written to the outbox. */
    public static boolean notifiable(String type) {
        return NOTIFIABLE.contains(type);
    }

    /** The notices an event of this type and these facts gives; none for a type that is not notifiable. */
    public static List<Notice> notices(String type, Map<String, ?> facts) {
        List<Notice> out = new ArrayList<>();
        Long listingId = number(facts, "listingId");
        Long registrationId = number(facts, "registrationId");
        Long tradeId = number(facts, "tradeId");
        switch (type) {
            case "enterprise.verified" -> out.add(new Notice(EventType.REGISTRATION_ACCEPTED,
                    new Audience.Enterprise(text(facts, "enterpriseCode"))));
            case "enterprise.rejected" -> out.add(new Notice(EventType.REGISTRATION_REFUSED,
                    new Audience.Enterprise(text(facts, "enterpriseCode"))));
            case "registration.created" -> out.add(new Notice(EventType.REGISTRATION_ACCEPTED,
                    new Audience.RegistrationHolder(registrationId)));
            case "registration.deposit_counted" -> out.add(new Notice(EventType.DEPOSIT_COUNTED,
                    new Audience.RegistrationHolder(registrationId)));
            case "registration.qualified" -> {
                out.add(new Notice(EventType.QUALIFIED, new Audience.RegistrationHolder(registrationId)));
                out.add(new Notice(EventType.COLLUSION_SIGNAL,
                        new Audience.RegulatorsIfSharedPayer(listingId, registrationId)));
            }
            case "bid.accepted" -> out.add(new Notice(EventType.OUTBID, new Audience.PreviousBidder(listingId,
                    number(facts, "sequence").intValue(), text(facts, "bidderNo"))));
            case "listing.timed_bidding", COUNTDOWN_ENDING -> out.add(new Notice(
                    type.equals(COUNTDOWN_ENDING) ? EventType.COUNTDOWN_ENDING : EventType.TIMED_BIDDING_STARTED,
                    new Audience.Bidders(listingId, null)));
            case "listing.sold" -> {
                String winner = text(facts, "winningBidderNo");
                if (winner != null) {
                    out.add(new Notice(EventType.WON, new Audience.Bidder(listingId, winner)));
                    out.add(new Notice(EventType.NOT_WON, new Audience.Bidders(listingId, winner)));
                }
            }
            case "listing.unsold" -> {
                if (facts.get("outcome") != null) {
                    out.add(new Notice(EventType.NOT_WON, new Audience.Bidders(listingId, null)));
                }
            }
            case "listing.pending_review" -> out.add(new Notice(EventType.REVIEW_QUEUE,
                    new Audience.Regulators(listingId)));
            case "listing.approved", "listing.rejected" -> out.add(new Notice(EventType.REVIEW_OUTCOME,
                    new Audience.Seller(listingId)));
            case "trade.created" -> {
                out.add(new Notice(EventType.CONFIRMATION_DUE, new Audience.RegistrationHolder(registrationId)));
                out.add(new Notice(EventType.SELLER_CONFIRMATION_DUE, new Audience.Seller(listingId)));
            }
            case "trade.awaiting_payment" -> out.add(new Notice(EventType.PAYMENT_DUE, new Audience.Buyer(tradeId)));
            case "trade.payment" -> out.add(new Notice(EventType.PAYMENT_RECEIVED, new Audience.Buyer(tradeId)));
            case "trade.settled" -> out.add(new Notice(EventType.TRADE_SETTLED, new Audience.Seller(listingId)));
            case "refund.instructed", "refund.paid" -> {
                if (registrationId != null) {
                    out.add(new Notice(type.equals("refund.paid") ? EventType.REFUND_PAID
                            : EventType.REFUND_INSTRUCTED, new Audience.RegistrationHolder(registrationId)));
                }
            }
            case DEFAULT_WARNING -> out.add(new Notice(EventType.DEFAULT_WARNING, new Audience.Buyer(tradeId)));
            default -> {
                // not notifiable
            }
        }
        return out;
    }

    /** The events an organisation of this role receives when it has not chosen: all of its role's. */
    public static Set<EventType> defaultEvents(Role role) {
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        for (EventType type : EventType.values()) {
            if (type.role() == role) {
                events.add(type);
            }
        }
        return events;
    }

    /**
     * How long to wait after the {@code attempts}-th failed attempt: {@code base} doubled for each
     * attempt after the first, never more than {@code max}.
     */
    public static Duration backoff(int attempts, Duration base, Duration max) {
        Duration wait = base;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /**
     * How long an expanded event is kept: the retention, but never less than a reminder's warning
     * window. A reminder is written once per key while its deadline is within the window ahead;
     * once the event is that old its deadline has passed and deleting the key cannot bring it back.
     */
    public static Duration eventRetention(Duration retention, Duration... warnings) {
        Duration keep = retention;
        for (Duration w : warnings) {
            if (w.compareTo(keep) > 0) {
                keep = w;
            }
        }
        return keep;
    }

    /** Whether a message that failed its {@code attempts}-th time goes to the dead letters. */
    public static boolean dead(int attempts, int maxAttempts) {
        return attempts >= maxAttempts;
    }

    private static Long number(Map<String, ?> facts, String key) {
        return facts.get(key) instanceof Number n ? n.longValue() : null;
    }

    private static String text(Map<String, ?> facts, String key) {
        return facts.get(key) instanceof String s ? s : null;
    }
}
