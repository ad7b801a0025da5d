package cn.landmarket.common.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings the packaged service refuses to run with, as plain rules: each problem says what to
 * set. {@link ProductionSettingsCheck} applies them at start-up in the production build.
 */
public final class ProductionSettings {

    /** Fewest bytes (UTF-8) of the bank's notice secret: the HMAC-SHA256 key length. */
    public static final int BANK_SECRET_MIN_BYTES = 32;

    /** Trusted-proxy entries that trust every peer, which is trusting none. */
    private static final List<String> EVERYONE = List.of("0.0.0.0/0", "::/0", "0:0:0:0:0:0:0:0/0");

    private ProductionSettings() {
    }

    /** Everything wrong with these settings, each with what to set; empty when the service may start. */
    public static List<String> problems(boolean proxyAddressForwarding, Optional<List<String>> trustedProxies,
            boolean auditEnabled, boolean auditOffForBenchmark, Optional<String> bankSecret) {
        List<String> problems = new ArrayList<>();
        problems.addAll(proxy(proxyAddressForwarding, trustedProxies));
        problems.addAll(audit(auditEnabled, auditOffForBenchmark));
        problems.addAll(bankSecret(bankSecret));
        return problems;
    }

    /**
     * Forwarded client addresses are taken only from named proxies: with
     * {@code quarkus.http.proxy.proxy-address-forwarding} on and no trusted proxy (or one that
     * covers every address, or a placeholder never filled in), any client could name any address
     * and the per-address limits and the regulators' address signals would believe it.
     */
    static List<String> proxy(boolean forwarding, Optional<List<String>> trustedProxies) {
        if (!forwarding) {
            return List.of();
        }
        List<String> entries = trustedProxies.orElse(List.of()).stream().map(String::trim).filter(e -> !e.isEmpty())
                .toList();
        String what = "set QUARKUS_HTTP_PROXY_TRUSTED_PROXIES to the addresses or CIDR ranges of the reverse proxy "
                + "(the ingress controller's pods), e.g. 10.244.0.0/16, or set QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"
                + "=false when no proxy sits in front of the service";
        if (entries.isEmpty()) {
            return List.of("Forwarded client addresses are on (QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true) but "
                    + "no proxy is trusted, so every client could forge its address: " + what);
        }
        List<String> problems = new ArrayList<>();
        for (String entry : entries) {
            String lower = entry.toLowerCase(Locale.ROOT);
            if (EVERYONE.contains(lower)) {
                problems.add("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES trusts every address (" + entry + "), so every client "
                        + "could forge its address: " + what);
            } else if (lower.contains("replace-me") || lower.endsWith(".invalid")) {
                problems.add("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES still holds the placeholder " + entry + ": " + what);
            }
        }
        return problems;
    }

    /** The audit log is never off in production; only the benchmark may turn it off, and says so. */
    static List<String> audit(boolean enabled, boolean offForBenchmark) {
        if (enabled || offForBenchmark) {
            return List.of();
        }
        return List.of("The audit log is off (MARKET_AUDIT_ENABLED=false), so state changes would not be logged: "
                + "remove MARKET_AUDIT_ENABLED or set it to true (only the benchmark may turn the log off, with "
                + "MARKET_AUDIT_OFF_FOR_BENCHMARK=true)");
    }

    /** The bank's notice secret is at least {@value #BANK_SECRET_MIN_BYTES} bytes. */
    static List<String> bankSecret(Optional<String> secret) {
        int bytes = secret.map(s -> s.getBytes(StandardCharsets.UTF_8).length).orElse(0);
        if (bytes >= BANK_SECRET_MIN_BYTES) {
            return List.of();
        }
        return List.of("The bank's notice secret (MARKET_BANK_HMAC_SECRET) is " + bytes + " bytes long: set it to a "
                + "random secret of at least " + BANK_SECRET_MIN_BYTES + " bytes agreed with the bank, e.g. the "
                + "output of openssl rand -hex 32");
    }

    /**
     * The documents' public address ({@code market.documents.public-url}), which every PDF prints and
     * links from its QR code, is one the public can reach: an absolute http(s) URL without a trailing
     * slash whose host is neither this machine (localhost, a loopback or unspecified address: the
     * development default) nor a placeholder never filled in ({@code REPLACE-ME}, {@code .invalid}).
     */
    public static List<String> documentsPublicUrl(Optional<String> url) {
        String what = "set MARKET_DOCUMENTS_PUBLIC_URL to the address at which the public reaches this service, "
                + "without a trailing slash, e.g. https://trading.example.gov.cn; it is printed on every document and "
                + "in its QR code";
        String value = url.map(String::strip).orElse("");
        if (value.isEmpty()) {
            return List.of("The documents' public address (MARKET_DOCUMENTS_PUBLIC_URL) is not set: " + what);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return List.of("The documents' public address (MARKET_DOCUMENTS_PUBLIC_URL) " + value
                    + " is not a URL: " + what);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || host.isEmpty()) {
            return List.of("The documents' public address (MARKET_DOCUMENTS_PUBLIC_URL) " + value
                    + " is not an absolute http(s) URL: " + what);
        }
        if (value.endsWith("/")) {
            return List.of("The documents' public address (MARKET_DOCUMENTS_PUBLIC_URL) " + value
                    + " ends with a slash, so the documents' links would hold a double slash: " + what);
        }
        if (host.contains("replace-me") || host.endsWith(".invalid")) {
            return List.of("The documents' public address (MARKET_DOCUMENTS_PUBLIC_URL) still holds the placeholder "
                    + value + ": " + what);
        }
        if (local(host)) {
            return List.of("The documents' public address (MARKET_DOCUMENTS_PUBLIC_URL) is " + value
                    + ", this machine, which nobody who scans a document's QR code can reach: " + what);
        }
        return List.of();
    }

    private static boolean local(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("0.0.0.0")
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.equals("::");
    }
}
