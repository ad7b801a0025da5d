package cn.landmarket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.landmarket.common.PageView;

class PagingTest {

    private static Paging paging(int page, int size, long total) {
        return Paging.of(new PageView<>(List.of(), page, size, total), n -> "/x?page=" + n);
    }

    @Test
    void theFirstOfThreePagesLinksOnlyForward() {
        Paging p = paging(0, 100, 201);
        assertEquals(1, p.page());
        assertEquals(3, p.pages());
        assertNull(p.previous());
        assertEquals("/x?page=1", p.next());
        assertTrue(p.several());
    }

    @Test
    void theLastPageLinksOnlyBackAndAFullLastPageHasNoNextOne() {
        Paging last = paging(2, 100, 201);
        assertEquals("/x?page=1", last.previous());
        assertNull(last.next());
        Paging full = paging(1, 100, 200);
        assertEquals(2, full.pages());
        assertNull(full.next());
    }

    @Test
    void anEmptyOrShortListIsOnePageWithNoLinks() {
        for (long total : new long[] {0, 1, 100}) {
            Paging p = paging(0, 100, total);
            assertEquals(1, p.pages(), "total " + total);
            assertFalse(p.several());
            assertNull(p.previous());
            assertNull(p.next());
        }
    }

    @Test
    void aPageNumberThatCannotBeReadIsTheFirstAndAHugeOneIsCapped() {
        assertEquals(0, Paging.number(null));
        assertEquals(0, Paging.number("-1"));
        assertEquals(0, Paging.number("abc"));
        assertEquals(0, Paging.number("123456"));
        assertEquals(7, Paging.number(" 7 "));
        assertEquals(99_999, Paging.number("99999"));
    }
}
