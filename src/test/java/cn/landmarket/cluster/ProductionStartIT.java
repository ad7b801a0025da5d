package cn.landmarket.cluster;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged (production) service refuses to start, saying what to set, when the documents'
 * public address is the development default: the check reads the setting as the packaged build sees
 * it ({@code common/config/ProductionSettingsCheck}).
 */
class ProductionStartIT {

    @Test
    void thePackagedServiceRefusesToStartWithTheDocumentsAddressOnThisMachine() throws Exception {
        try (Cluster cluster = new Cluster("production-start-it")) {
            Cluster.Instance refused = cluster.start("local-documents",
                    Map.of("MARKET_DOCUMENTS_PUBLIC_URL", "http://localhost:8080"));
            assertTrue(refused.process.waitFor(120, TimeUnit.SECONDS), "the service stops by itself");
            assertNotEquals(0, refused.process.exitValue(), "and fails");
            String log = Files.readString(Path.of("target", "production-start-it-local-documents.log"));
            assertTrue(log.contains("Refusing to start") && log.contains("MARKET_DOCUMENTS_PUBLIC_URL")
                    && log.contains("this machine"), "the log says why and what to set");
        }
    }
}
