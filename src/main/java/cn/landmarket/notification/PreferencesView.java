package cn.landmarket.notification;

import java.util.List;

/**
 * An organisation's notification choices as it reads them back: the secret is never shown, only
 * whether one is set; {@code events} are the events it receives, {@code available} those it may choose.
 */
public record PreferencesView(String org, String email, String webhookUrl, boolean webhookSecretSet,
        List<String> events, boolean defaultEvents, List<String> available) {
}
