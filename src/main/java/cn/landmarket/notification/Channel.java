package cn.landmarket.notification;

/** How a message reaches its organisation: an e-mail over SMTP, or a signed webhook POST. */
public enum Channel {
    EMAIL, WEBHOOK
}
