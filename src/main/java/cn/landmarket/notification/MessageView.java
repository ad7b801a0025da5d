package cn.landmarket.notification;

/**
 * A message as its organisation or an operator sees it: its stable id, event, recipient and
 * channel, and its delivery: attempts, last error, next attempt, when delivered or when it died.
 */
public record MessageView(String id, String event, String recipient, String channel, int attempts, String lastError,
        String createdAt, String nextAttemptAt, String deliveredAt, String deadAt) {

    static MessageView of(NotificationRepository.MessageRow r) {
        return new MessageView(r.id().toString(), r.eventType(), r.recipientOrg(), r.channel(), r.attempts(),
                r.lastError(), text(r.createdAt()), text(r.nextAttemptAt()), text(r.deliveredAt()), text(r.deadAt()));
    }

    private static String text(java.time.Instant at) {
        return at == null ? null : at.toString();
    }
}
