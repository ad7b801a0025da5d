package cn.landmarket.web;

import java.util.function.IntFunction;

import cn.landmarket.common.PageView;

/**
 * Where the reader is in a paged list (page numbers from 1 for the eye), and links to the
 * neighbouring pages, null at either end; shown by the {@code pager} tag.
 */
public record Paging(int page, long pages, String previous, String next) {

    /** The highest zero-based page number a link may ask for; a larger one is read as this. */
    static final int MAX_PAGE = 99_999;

    /**
     * The paging of a page the service answered, {@code link} giving the address of a zero-based
     * page number.
     */
    static Paging of(PageView<?> shown, IntFunction<String> link) {
        return of(shown.page(), shown.size(), shown.total(), link);
    }

    /** The paging of zero-based page {@code page} of {@code size} items out of {@code total}. */
    static Paging of(int page, int size, long total, IntFunction<String> link) {
        long pageCount = Math.max(1, (total + size - 1) / size);
        return new Paging(page + 1, pageCount, page > 0 ? link.apply(page - 1) : null,
                page + 1 < pageCount ? link.apply(page + 1) : null);
    }

    /** Whether there is more than one page, so the pager is worth showing. */
    public boolean several() {
        return pages > 1;
    }

    /** The zero-based page asked for; anything unreadable or out of range is the first page. */
    static int number(String value) {
        if (value == null || !value.strip().matches("[0-9]{1,5}")) {
            return 0;
        }
        return Math.min(Integer.parseInt(value.strip()), MAX_PAGE);
    }
}
