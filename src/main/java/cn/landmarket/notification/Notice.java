package cn.landmarket.notification;

/** One event to tell one audience about. */
public record Notice(EventType type, Audience audience) {
}
