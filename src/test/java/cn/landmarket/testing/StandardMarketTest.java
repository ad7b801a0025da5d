package cn.landmarket.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;

/** {@link StandardMarket} gives every test the clock at its start and the standard parties. */
@QuarkusTest
@StandardMarket
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandardMarketTest {

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @Test
    @Order(1)
    void aTestMayMoveTheClock() {
        clock.advance(Duration.ofDays(400));
        assertTrue(clock.instant().isAfter(Instant.now().plus(Duration.ofDays(399))));
    }

    @Test
    @Order(2)
    void theNextTestFindsTheClockAtItsStartAndTheStandardParties() {
        assertTrue(Duration.between(Instant.now(), clock.instant()).abs().compareTo(Duration.ofMinutes(1)) < 0,
                () -> "the clock was reset: " + clock.instant());
        assertEquals(1L, data.count("select count(r) from Regulator r where r.code = ?1", TestData.FOREIGN_REGULATOR));
    }
}
