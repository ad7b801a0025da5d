package cn.landmarket.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ClockProducerTest {

    @Test
    void theServerClockTicksInWholeMicrosecondsAndAnswersMillis() {
        Clock clock = new ClockProducer().clock();
        for (int i = 0; i < 1_000; i++) {
            Instant now = clock.instant();
            assertEquals(0, now.getNano() % 1_000, () -> "not a whole microsecond: " + now);
            long before = now.toEpochMilli();
            long millis = clock.millis(); // Clock.tick(systemUTC, 1 µs).millis() divides by zero on JDK 17
            assertTrue(millis >= before, () -> millis + " is before " + before);
        }
    }

    @Test
    void aMicrosecondClockReadsItsBaseTruncated() {
        Clock base = Clock.fixed(Instant.parse("2027-01-07T08:44:05.123456789Z"), ZoneOffset.UTC);
        Clock clock = new ClockProducer.MicrosecondClock(base);
        assertEquals(Instant.parse("2027-01-07T08:44:05.123456Z"), clock.instant());
        assertEquals(base.millis(), clock.millis());
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertEquals(shanghai, clock.withZone(shanghai).getZone());
        assertEquals(clock.instant(), clock.withZone(shanghai).instant());
    }
}
