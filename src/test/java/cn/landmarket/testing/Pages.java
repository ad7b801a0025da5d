package cn.landmarket.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.restassured.path.json.JsonPath;

/** Reads a paged list endpoint to its end, checking the paging fields on the way. */
public final class Pages {

    private Pages() {
    }

    /**
     * Every item of a paged list: fetches page 0, 1, ... with {@code page} (which asks for the page
     * it is given, with whatever size) until the items reach the {@code total} the first page gave,
     * and checks each page is full except the last. {@code items} is the path of the page's items
     * ({@code items}, {@code lines}, {@code entries}).
     */
    public static List<Map<String, Object>> all(IntFunction<JsonPath> page, String items) {
        List<Map<String, Object>> all = new ArrayList<>();
        JsonPath first = page.apply(0);
        long total = first.getLong("total");
        int size = first.getInt("size");
        JsonPath current = first;
        for (int p = 0; ; p++) {
            if (p > 0) {
                current = page.apply(p);
            }
            assertEquals(p, current.getInt("page"));
            List<Map<String, Object>> got = current.getList(items);
            all.addAll(got);
            if (got.size() < size || all.size() >= total) {
                break;
            }
            assertTrue(p < 100_000, "paging never ends");
        }
        assertEquals(total, all.size(), "the pages hold exactly 'total' items");
        return all;
    }
}
