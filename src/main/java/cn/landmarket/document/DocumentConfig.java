package cn.landmarket.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The documents (PDF) the service renders. */
@ConfigMapping(prefix = "market.documents")
public interface DocumentConfig {

    /**
     * The service's public address as printed on documents and in their QR codes, without a trailing
     * slash (MARKET_DOCUMENTS_PUBLIC_URL) [assumed: each deployment sets its own].
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Who issues the documents, printed under each title [practice: the trading centre]. */
    @WithDefault("公共资源交易中心 · 土地及指标交易平台")
    String issuer();
}
