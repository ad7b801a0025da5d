package cn.landmarket.common.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production build whose settings would weaken the log or the limits
 * ({@link ProductionSettings}) or print an unreachable address on its documents: forwarded client
 * addresses from any peer, the audit log off, a short bank secret, no public address for the
 * documents' QR codes. The message lists every problem with what to set.
 */
@IfBuildProfile("prod")
@Singleton
public class ProductionSettingsCheck {

    @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
    boolean proxyAddressForwarding;

    @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
    Optional<List<String>> trustedProxies;

    @ConfigProperty(name = "market.audit.enabled", defaultValue = "true")
    boolean auditEnabled;

    @ConfigProperty(name = "market.audit.off-for-benchmark", defaultValue = "false")
    boolean auditOffForBenchmark;

    @ConfigProperty(name = "market.bank.hmac-secret")
    Optional<String> bankSecret;

    @ConfigProperty(name = "market.documents.public-url")
    Optional<String> documentsPublicUrl;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        List<String> problems = new ArrayList<>(ProductionSettings.problems(proxyAddressForwarding, trustedProxies,
                auditEnabled, auditOffForBenchmark, bankSecret));
        problems.addAll(ProductionSettings.documentsPublicUrl(documentsPublicUrl));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join("; ", problems));
        }
    }
}
