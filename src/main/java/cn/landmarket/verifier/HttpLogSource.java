package cn.landmarket.verifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The service's public audit API ({@code /api/audit/...}), read with a streaming JSON parser so that
 * the verifier needs nothing beyond jackson-core.
 */
final class HttpLogSource implements LogSource {

    private static final Base64.Decoder B64 = Base64.getDecoder();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonFactory json = new JsonFactory();
    private final String base;

    HttpLogSource(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public String key() throws IOException, InterruptedException {
        return get("/api/audit/key");
    }

    @Override
    public String checkpoint() throws IOException, InterruptedException {
        return get("/api/audit/checkpoint");
    }

    @Override
    public List<String> checkpoints(long after, int limit) throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        for (Map<String, String> c : objects(get("/api/audit/checkpoints?after=" + after + "&limit=" + limit))) {
            notes.add(field(c, "note"));
        }
        return notes;
    }

    @Override
    public List<ServedEntry> entries(long start, int limit) throws IOException, InterruptedException {
        List<ServedEntry> out = new ArrayList<>();
        for (Map<String, String> e : objects(get("/api/audit/entries?start=" + start + "&limit=" + limit))) {
            long index;
            try {
                index = Long.parseLong(field(e, "index"));
            } catch (NumberFormatException notANumber) {
                throw new IOException("an entry's index is not a number: " + e.get("index"));
            }
            out.add(ServedEntry.of(index, B64.decode(field(e, "entry")), B64.decode(field(e, "leafHash"))));
        }
        return out;
    }

    @Override
    public List<byte[]> consistency(long from, long to) throws IOException, InterruptedException {
        List<byte[]> hashes = new ArrayList<>();
        try (JsonParser p = json.createParser(get("/api/audit/consistency?from=" + from + "&to=" + to))) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                JsonToken value = p.nextToken();
                if (!p.currentName().equals("proof")) {
                    p.skipChildren();
                    continue;
                }
                expect(p, value, JsonToken.START_ARRAY);
                for (JsonToken h = p.nextToken(); h != JsonToken.END_ARRAY; h = p.nextToken()) {
                    expect(p, h, JsonToken.VALUE_STRING);
                    hashes.add(B64.decode(p.getText()));
                }
            }
        }
        return hashes;
    }

    /** A JSON array of objects, each as its scalar fields' text (nested values are skipped). */
    private List<Map<String, String>> objects(String body) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (JsonParser p = json.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_ARRAY);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                expect(p, t, JsonToken.START_OBJECT);
                Map<String, String> fields = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                        fields.put(name, p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
                out.add(fields);
            }
        }
        return out;
    }

    private static String field(Map<String, String> object, String name) throws IOException {
        String value = object.get(name);
        if (value == null) {
            throw new IOException("the service's answer lacks '" + name + "'");
        }
        return value;
    }

    private static void expect(JsonParser p, JsonToken found, JsonToken wanted) throws IOException {
        if (found != wanted) {
            throw new IOException("the service answered " + found + " where " + wanted + " belongs, at "
                    + p.currentLocation());
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
