package cn.landmarket.notification;

import java.util.List;

/**
 * What an organisation wants to be told and where: an e-mail address, a webhook URL with the
 * secret that signs its deliveries (both or neither), and the events it takes (omitted or null:
 * every event of its kind). Replaces the previous choices whole.
 */
public record PreferencesRequest(String email, String webhookUrl, String webhookSecret, List<String> events) {
}
