package cn.landmarket.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AreaTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0.0000, 0.0000",
        "1, 0.0015, 0.0001",
        "666, 0.9990, 0.0666",
        "667, 1.0005, 0.0667",
        "10000, 15.0000, 1.0000",
        "1000000, 1500.0000, 100.0000",
        "123456789, 185185.1835, 12345.6789"
    })
    void squareMetresAreShownInMuAndHectaresToFourDecimals(long m2, String mu, String hectares) {
        Area area = Area.of(m2);
        assertEquals(m2, area.m2());
        assertEquals(mu, area.mu());
        assertEquals(hectares, area.hectares());
    }

    @Test
    void largestAreaIsComputedWithoutOverflow() {
        Area area = Area.of(Long.MAX_VALUE);
        assertEquals("13835058055282163.7105", area.mu());
        assertEquals("922337203685477.5807", area.hectares());
    }

    @Test
    void fifteenMuMakeOneHectare() {
        assertEquals("3.0000", Area.of(2_000).mu());
        assertEquals("0.2000", Area.of(2_000).hectares());
        assertEquals("30.0000", Area.of(20_000).mu());
        assertEquals("2.0000", Area.of(20_000).hectares());
    }

    @Test
    void negativeAreaIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Area.of(-1));
        assertThrows(IllegalArgumentException.class, () -> Area.of(Long.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> new Area(-1, "0.0000", "0.0000"));
    }

    @Test
    void canonicalConstructorAcceptsOnlyMatchingDisplays() {
        assertEquals(Area.of(667), new Area(667, "1.0005", "0.0667"));
        assertThrows(IllegalArgumentException.class, () -> new Area(667, "1.0000", "0.0667"));
        assertThrows(IllegalArgumentException.class, () -> new Area(667, "1.0005", "0.067"));
        assertThrows(IllegalArgumentException.class, () -> new Area(667, null, "0.0667"));
    }
}
