package cn.landmarket.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProceedsSplitTest {

    @Test
    void sharesRoundDownAndTheTownshipTakesTheRest() {
        ProceedsSplit s = ProceedsSplit.of(1_001, 85, 10);
        assertEquals(850, s.farmersFen());
        assertEquals(100, s.collectiveFen());
        assertEquals(51, s.townshipFen());
        assertEquals(1_001, s.farmersFen() + s.collectiveFen() + s.townshipFen());
    }

    @Test
    void percentagesAboveAHundredAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProceedsSplit.of(100, 95, 10));
    }
}
