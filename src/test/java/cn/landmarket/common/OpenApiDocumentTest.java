package cn.landmarket.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Guards openapi/openapi.yaml: it must equal what the service serves. To accept a deliberate API
 * change, run the tests with -Dopenapi.update=true and commit the rewritten file.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    @Test
    void servedDocumentEqualsTheCommittedOne() throws IOException {
        String served = given().queryParam("format", "yaml").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        assertEquals(committed, served, "openapi/openapi.yaml differs from /q/openapi; if the change is meant, "
                + "run ./mvnw verify -Dopenapi.update=true and commit the file");
    }
}
