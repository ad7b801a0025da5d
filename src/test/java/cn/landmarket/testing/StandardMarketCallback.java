package cn.landmarket.testing;

import java.lang.annotation.Annotation;
import java.util.Arrays;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Resets the clock and creates the standard parties before each test of a class marked
 * {@link StandardMarket}. A Quarkus test callback (registered in META-INF/services), so it runs inside
 * the application under test, where the beans live. The annotation is matched by name: the test class
 * may come from another class loader than this callback.
 */
public class StandardMarketCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        Object test = context.getTestInstance();
        if (test == null || !marked(test.getClass())) {
            return;
        }
        Arc.container().instance(TestClock.class).get().reset();
        Arc.container().instance(TestData.class).get().standard();
    }

    private static boolean marked(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (Arrays.stream(c.getAnnotations()).map(Annotation::annotationType)
                    .anyMatch(a -> a.getName().equals(StandardMarket.class.getName()))) {
                return true;
            }
        }
        return false;
    }
}
