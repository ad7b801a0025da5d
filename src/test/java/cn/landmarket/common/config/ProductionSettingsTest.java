package cn.landmarket.common.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.profile.IfBuildProfile;

/** What the packaged service refuses to start with, and that each refusal says what to set. */
class ProductionSettingsTest {

    private static final Optional<String> GOOD_SECRET = Optional.of("0123456789abcdef0123456789abcdef");

    @Test
    void forwardedAddressesWithoutATrustedProxyRefuseToStartAndSayWhatToSet() {
        for (Optional<List<String>> none : List.of(Optional.<List<String>>empty(), Optional.of(List.<String>of()),
                Optional.of(List.of(" ")))) {
            List<String> problems = ProductionSettings.proxy(true, none);
            assertEquals(1, problems.size(), () -> "trusted proxies " + none);
            assertTrue(problems.get(0).contains("set QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"), problems.get(0));
        }
    }

    @Test
    void trustingEveryAddressOrAPlaceholderIsTrustingNone() {
        for (String everyone : List.of("0.0.0.0/0", "::/0")) {
            assertTrue(ProductionSettings.proxy(true, Optional.of(List.of("10.0.0.0/8", everyone))).get(0)
                    .contains("trusts every address"), everyone);
        }
        assertTrue(ProductionSettings.proxy(true, Optional.of(List.of("REPLACE-ME-ingress-controller-pod-cidr.invalid")))
                .get(0).contains("placeholder"));
    }

    @Test
    void forwardingOffOrNamedProxiesStart() {
        assertEquals(List.of(), ProductionSettings.proxy(false, Optional.empty()));
        assertEquals(List.of(), ProductionSettings.proxy(true, Optional.of(List.of("10.244.0.0/16", "192.168.4.7"))));
        assertEquals(List.of(), ProductionSettings.proxy(true, Optional.of(List.of("ingress.example.org"))));
    }

    @Test
    void theAuditLogOffRefusesToStartUnlessTheBenchmarkSaysSo() {
        assertEquals(List.of(), ProductionSettings.audit(true, false));
        List<String> off = ProductionSettings.audit(false, false);
        assertEquals(1, off.size());
        assertTrue(off.get(0).contains("MARKET_AUDIT_ENABLED") && off.get(0).contains("MARKET_AUDIT_OFF_FOR_BENCHMARK"),
                off.get(0));
        assertEquals(List.of(), ProductionSettings.audit(false, true), "the benchmark's explicit override");
    }

    @Test
    void aBankSecretShorterThan32BytesRefusesToStart() {
        assertEquals(List.of(), ProductionSettings.bankSecret(GOOD_SECRET));
        List<String> short31 = ProductionSettings.bankSecret(Optional.of("x".repeat(31)));
        assertEquals(1, short31.size());
        assertTrue(short31.get(0).contains("MARKET_BANK_HMAC_SECRET") && short31.get(0).contains("31 bytes")
                && short31.get(0).contains("at least 32 bytes"), short31.get(0));
        assertEquals(1, ProductionSettings.bankSecret(Optional.empty()).size());
        // counted in bytes: eleven Chinese characters are 33 bytes of UTF-8, ten are 30
        assertEquals(List.of(), ProductionSettings.bankSecret(Optional.of("保".repeat(11))));
        assertEquals(1, ProductionSettings.bankSecret(Optional.of("保".repeat(10))).size());
    }

    @Test
    void documentsWithoutAPublicAddressRefuseToStartAndSayWhatToSet() {
        for (Optional<String> missing : List.of(Optional.<String>empty(), Optional.of(""), Optional.of("  "))) {
            List<String> problems = ProductionSettings.documentsPublicUrl(missing);
            assertEquals(1, problems.size(), () -> "public URL " + missing);
            assertTrue(problems.get(0).contains("not set") && problems.get(0).contains("set MARKET_DOCUMENTS_PUBLIC_URL"),
                    problems.get(0));
        }
    }

    @Test
    void theDevelopmentDefaultAndOtherLocalAddressesAreNoPublicAddress() {
        for (String local : List.of("http://localhost:8080", "https://LOCALHOST", "http://127.0.0.1:8080",
                "http://127.1.2.3", "http://[::1]:8080", "http://0.0.0.0", "http://app.localhost")) {
            List<String> problems = ProductionSettings.documentsPublicUrl(Optional.of(local));
            assertEquals(1, problems.size(), local);
            assertTrue(problems.get(0).contains("this machine"), problems.get(0));
        }
    }

    @Test
    void aPlaceholderOrSomethingNotAnAbsoluteHttpUrlIsRefused() {
        assertTrue(ProductionSettings.documentsPublicUrl(Optional.of("https://REPLACE-ME-trading-centre.example.invalid"))
                .get(0).contains("placeholder"));
        for (String bad : List.of("trading.example.gov.cn", "/documents", "ftp://trading.example.gov.cn",
                "https://", "http://exa mple.org")) {
            List<String> problems = ProductionSettings.documentsPublicUrl(Optional.of(bad));
            assertEquals(1, problems.size(), bad);
            assertTrue(problems.get(0).contains("MARKET_DOCUMENTS_PUBLIC_URL"), problems.get(0));
        }
        assertTrue(ProductionSettings.documentsPublicUrl(Optional.of("https://trading.example.gov.cn/")).get(0)
                .contains("trailing slash"));
    }

    @Test
    void aPublicAddressStarts() {
        for (String url : List.of("https://trading.example.gov.cn", "http://ggzy.santai.gov.cn:8443/land",
                "https://land-market.local", "https://203.0.113.7")) {
            assertEquals(List.of(), ProductionSettings.documentsPublicUrl(Optional.of(url)), url);
        }
    }

    @Test
    void theProductionBuildChecksAtStartUpAndNamesEveryProblem() {
        assertEquals("prod", ProductionSettingsCheck.class.getAnnotation(IfBuildProfile.class).value());
        ProductionSettingsCheck check = new ProductionSettingsCheck();
        check.proxyAddressForwarding = true;
        check.trustedProxies = Optional.empty();
        check.auditEnabled = false;
        check.auditOffForBenchmark = false;
        check.bankSecret = Optional.of("bench-secret");
        check.documentsPublicUrl = Optional.of("http://localhost:8080");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> check.onStart(null));
        assertTrue(refused.getMessage().contains("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES")
                && refused.getMessage().contains("MARKET_AUDIT_ENABLED")
                && refused.getMessage().contains("MARKET_BANK_HMAC_SECRET")
                && refused.getMessage().contains("MARKET_DOCUMENTS_PUBLIC_URL"), refused.getMessage());

        check.trustedProxies = Optional.of(List.of("10.244.0.0/16"));
        check.auditEnabled = true;
        check.bankSecret = GOOD_SECRET;
        IllegalStateException noAddress = assertThrows(IllegalStateException.class, () -> check.onStart(null),
                "the documents' address alone keeps it from starting");
        assertTrue(noAddress.getMessage().contains("MARKET_DOCUMENTS_PUBLIC_URL")
                && !noAddress.getMessage().contains("MARKET_BANK_HMAC_SECRET"), noAddress.getMessage());
        check.documentsPublicUrl = Optional.of("https://trading.example.gov.cn");
        assertDoesNotThrow(() -> check.onStart(null));
    }
}
