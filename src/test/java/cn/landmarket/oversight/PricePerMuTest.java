package cn.landmarket.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PricePerMuTest {

    @Test
    void oneHectareIsFifteenMu() {
        // 15,000,000 fen for 10,000 m² = 15 亩: 1,000,000 fen per 亩
        assertEquals(1_000_000, PricePerMu.fenPerMu(15_000_000, 10_000));
    }

    @Test
    void anInexactQuotientIsRoundedToTheNearestFen() {
        // 4,200,000,000 fen × 10,000 / (16,667 m² × 15) = 167,996,640.067… fen
        assertEquals(167_996_640, PricePerMu.fenPerMu(4_200_000_000L, 16_667));
        // 2 fen × 10,000 / (3 m² × 15) = 444.44… fen
        assertEquals(444, PricePerMu.fenPerMu(2, 3));
        // 1 fen × 10,000 / (1 m² × 15) = 666.66… fen
        assertEquals(667, PricePerMu.fenPerMu(1, 1));
    }

    @Test
    void anExactHalfIsRoundedToTheEvenFen() {
        // 4,000 m² = 6 亩: 3 fen / 6 = 0.5, 9 fen / 6 = 1.5, 15 fen / 6 = 2.5
        assertEquals(0, PricePerMu.fenPerMu(3, 4_000));
        assertEquals(2, PricePerMu.fenPerMu(9, 4_000));
        assertEquals(2, PricePerMu.fenPerMu(15, 4_000));
        assertEquals(4, PricePerMu.fenPerMu(21, 4_000));
    }

    @Test
    void largeVolumesDoNotOverflow() {
        // 9e17 fen over 10,000 m²: 9e17 × 10,000 overflows a long but not the exact arithmetic
        assertEquals(900_000_000_000_000_000L / 15, PricePerMu.fenPerMu(900_000_000_000_000_000L, 10_000));
    }

    @Test
    void aZeroAreaOrNegativePriceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PricePerMu.fenPerMu(100, 0));
        assertThrows(IllegalArgumentException.class, () -> PricePerMu.fenPerMu(-1, 10));
    }
}
