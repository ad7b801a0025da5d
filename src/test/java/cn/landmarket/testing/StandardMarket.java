package cn.landmarket.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @QuarkusTest} class: before each test the clock stands at its start again
 * ({@link TestClock#reset()}) and the standard parties exist ({@link TestData#standard()}), before the
 * class's own {@code @BeforeEach} methods run. Applied by {@link StandardMarketCallback}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StandardMarket {
}
