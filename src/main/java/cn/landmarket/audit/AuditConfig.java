package cn.landmarket.audit;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit log's identity, signing key and sequencing pace. */
@ConfigMapping(prefix = "market.audit")
public interface AuditConfig {

    /**
     * Whether entries are written at all. Only the benchmark turns it off, to measure what the log
     * costs; the packaged service refuses to start without it unless {@link #offForBenchmark()}.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Benchmark only: lets the packaged service start with the log off ({@code enabled=false}), so
     * that the benchmark can measure what the log costs. A deployment never sets it.
     */
    @WithDefault("false")
    boolean offForBenchmark();

    /** Origin line of every checkpoint: names this log (C2SP tlog-checkpoint), schema-less URL style. */
    @WithDefault("land-market.local/audit")
    String origin();

    /** Name of the signing key in signature lines and verifier keys; the origin when absent. */
    Optional<String> keyName();

    /** Ed25519 private key as base64 PKCS#8 (MARKET_AUDIT_SIGNING_KEY); dev and test have their own. */
    String signingKey();

    /** How often pending entries are sequenced into the tree and a checkpoint is signed. */
    @WithDefault("PT1S")
    Duration sequenceInterval();

    /** Most pending entries sequenced in one checkpoint. */
    @WithDefault("2000")
    int batchMax();
}
