package cn.landmarket.common.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The server clock every rule reads; tests replace it to try rules at any instant. It ticks in
 * microseconds, the precision PostgreSQL keeps, so a moment stored in a row and the same moment in
 * an audit entry are equal (PostgreSQL rounds nanoseconds, it does not truncate them).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
