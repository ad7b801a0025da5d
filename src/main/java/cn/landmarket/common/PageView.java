package cn.landmarket.common;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list: the items, where the page is, and how many items there are in all. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageView<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        PanacheQuery<E> paged = query.page(request.page(), request.size());
        return new PageView<>(paged.list().stream().map(mapper).toList(), request.page(), request.size(), query.count());
    }
}
