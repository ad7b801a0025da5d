package cn.landmarket.notification;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * Delivers a message as a plain-text e-mail through the configured SMTP server (Quarkus Mailer,
 * {@code quarkus.mailer.*}); the stable message id travels in the {@code X-Notification-Id} header.
 */
@ApplicationScoped
public class EmailChannel {

    private final Mailer mailer;

    EmailChannel(Mailer mailer) {
        this.mailer = mailer;
    }

    /** Null when the SMTP server took the message, else why not. */
    public String deliver(String address, UUID id, String subject, String body) {
        try {
            mailer.send(Mail.withText(address, subject, body).addHeader("X-Notification-Id", id.toString()));
            return null;
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
