package cn.landmarket.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

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
        return new MicrosecondClock(Clock.systemUTC());
    }

    /**
     * The system clock truncated to whole microseconds. Not {@code Clock.tick(clock, 1 µs)}: on JDK 17
     * that clock's {@code millis()} divides by zero (it divides by the tick's whole milliseconds).
     */
    static final class MicrosecondClock extends Clock {

        private final Clock base;

        MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return base.millis();
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(base.getZone()) ? this : new MicrosecondClock(base.withZone(zone));
        }

        @Override
        public String toString() {
            return "MicrosecondClock[" + base + "]";
        }
    }
}
