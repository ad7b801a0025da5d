package cn.landmarket.common.jdbc;

import java.util.Collection;
import java.util.stream.Collectors;

/** Numbers as one PostgreSQL array literal, for native queries that bind a list as one parameter. */
public final class SqlArrays {

    private SqlArrays() {
    }

    /**
     * {@code {1,2,3}}: bound as text and cast in the SQL ({@code = any(cast(?1 as bigint[]))}), so
     * that a list of any length is one parameter and one plan.
     */
    public static String bigints(Collection<? extends Number> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
