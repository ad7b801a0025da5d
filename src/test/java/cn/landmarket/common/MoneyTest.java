package cn.landmarket.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final long MAX_PARSEABLE_FEN = 999_999_999_999_999L;

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "0.0, 0",
        "0.00, 0",
        "0.05, 5",
        "0.5, 50",
        "0.50, 50",
        "1, 100",
        "1.2, 120",
        "1234.56, 123456",
        "10, 1000",
        "100.01, 10001",
        "9999999999999.99, 999999999999999",
        "1000000000000, 100000000000000"
    })
    void wellFormedYuanIsParsedToExactFen(String yuan, long fen) {
        assertEquals(fen, Money.ofYuan(yuan).fen());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0.00",
        "5, 0.05",
        "10, 0.10",
        "99, 0.99",
        "100, 1.00",
        "101, 1.01",
        "123456, 1234.56",
        "999999999999999, 9999999999999.99",
        "9223372036854775807, 92233720368547758.07"
    })
    void yuanTextAlwaysHasTwoDecimals(long fen, String yuan) {
        assertEquals(yuan, Money.ofFen(fen).toYuan());
    }

    @Test
    void parsingTheFormattedTextGivesBackTheSameAmount() {
        Random random = new Random(100L);
        for (int i = 0; i < 5_000; i++) {
            long fen = Math.floorMod(random.nextLong(), MAX_PARSEABLE_FEN + 1);
            Money money = Money.ofFen(fen);
            assertEquals(money, Money.ofYuan(money.toYuan()));
        }
        for (long fen = 0; fen < 1_000; fen++) {
            assertEquals(fen, Money.ofYuan(Money.ofFen(fen).toYuan()).fen());
        }
        assertEquals(MAX_PARSEABLE_FEN, Money.ofYuan(Money.ofFen(MAX_PARSEABLE_FEN).toYuan()).fen());
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = {"1.234", "0.001", "-1", "+1", "-0", "01", "00", "00.5", "1e3", "1E3", " 1", "1 ", "1,000",
            "1 000", "１", "１.00", "٣", "10000000000000", "99999999999999.99", ".5", "1.", "1..0", "1.0.0", "¥1",
            "1元", "NaN", "Infinity", "0x10", "1_000", "\t1", "1\n", "1.-5", "1.5a"})
    void malformedYuanIsRejectedNamingTheInput(String yuan) {
        InvalidMoneyException e = assertThrows(InvalidMoneyException.class, () -> Money.ofYuan(yuan));
        assertEquals(yuan, e.input());
        assertTrue(e.getMessage().contains("\"" + yuan + "\""), e.getMessage());
    }

    @Test
    void nullYuanIsRejectedAsInvalidMoney() {
        InvalidMoneyException e = assertThrows(InvalidMoneyException.class, () -> Money.ofYuan(null));
        assertNull(e.input());
        assertTrue(e.getMessage().endsWith("null"), e.getMessage());
    }

    @Test
    void invalidMoneyIsAnIllegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.ofYuan("1,000"));
        assertEquals(InvalidMoneyException.class, e.getClass());
    }

    @Test
    void thirteenIntegerDigitsIsTheLargestAcceptedAmount() {
        assertEquals(999_999_999_999_900L, Money.ofYuan("9999999999999").fen());
        assertThrows(InvalidMoneyException.class, () -> Money.ofYuan("10000000000000"));
    }

    @Test
    void negativeFenIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Money.ofFen(-1));
        assertThrows(IllegalArgumentException.class, () -> new Money(Long.MIN_VALUE));
        assertEquals(0, Money.ofFen(0).fen());
        assertEquals(Long.MAX_VALUE, Money.ofFen(Long.MAX_VALUE).fen());
    }

    @Test
    void equalAmountsAreEqualWhateverTheirSpelling() {
        assertEquals(Money.ofYuan("1.5"), Money.ofYuan("1.50"));
        assertEquals(Money.ofFen(150), Money.ofYuan("1.50"));
        assertEquals(Money.ofFen(150).hashCode(), Money.ofYuan("1.5").hashCode());
        assertEquals(Money.ZERO, Money.ofYuan("0.00"));
    }

    @Test
    void plusAddsExactly() {
        assertEquals(Money.ofYuan("0.30"), Money.ofYuan("0.10").plus(Money.ofYuan("0.20")));
        assertEquals(Money.ofFen(Long.MAX_VALUE), Money.ofFen(Long.MAX_VALUE - 1).plus(Money.ofFen(1)));
    }

    @Test
    void plusOverflowIsAnArithmeticError() {
        assertThrows(ArithmeticException.class, () -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)));
    }

    @Test
    void minusSubtractsExactlyDownToZero() {
        assertEquals(Money.ofFen(70), Money.ofYuan("1").minus(Money.ofYuan("0.30")));
        assertEquals(Money.ZERO, Money.ofYuan("1.23").minus(Money.ofYuan("1.23")));
        assertEquals(Money.ZERO, Money.ofFen(Long.MAX_VALUE).minus(Money.ofFen(Long.MAX_VALUE)));
    }

    @Test
    void minusBelowZeroIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Money.ofYuan("1.00").minus(Money.ofYuan("1.01")));
        assertTrue(e.getMessage().contains("1.01"), e.getMessage());
    }

    @Test
    void timesMultipliesExactly() {
        assertEquals(Money.ofYuan("37.50"), Money.ofYuan("12.50").times(3));
        assertEquals(Money.ZERO, Money.ofYuan("12.50").times(0));
        assertEquals(Money.ofFen(Long.MAX_VALUE), Money.ofFen(Long.MAX_VALUE).times(1));
    }

    @Test
    void timesOverflowAndNegativeFactorAreRefused() {
        assertThrows(ArithmeticException.class, () -> Money.ofFen(Long.MAX_VALUE / 2 + 1).times(2));
        assertThrows(ArithmeticException.class, () -> Money.ofFen(2).times(Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> Money.ofFen(2).times(-1));
    }

    @Test
    void atLeastPercentIsExactAtTheBoundary() {
        Money base = Money.ofYuan("1000.00");
        assertTrue(Money.ofYuan("200.00").isAtLeastPercentOf(base, 20));
        assertFalse(Money.ofYuan("199.99").isAtLeastPercentOf(base, 20));
        assertTrue(Money.ofFen(1).isAtLeastPercentOf(Money.ofFen(3), 33));
        assertFalse(Money.ofFen(1).isAtLeastPercentOf(Money.ofFen(3), 34));
        assertTrue(Money.ZERO.isAtLeastPercentOf(base, 0));
        assertTrue(Money.ofYuan("1100.00").isAtLeastPercentOf(base, 110));
        assertFalse(Money.ofYuan("1099.99").isAtLeastPercentOf(base, 110));
    }

    @Test
    void atLeastPercentOverflowAndNegativePercentAreRefused() {
        assertThrows(ArithmeticException.class,
                () -> Money.ofFen(Long.MAX_VALUE).isAtLeastPercentOf(Money.ofFen(1), 1));
        assertThrows(ArithmeticException.class,
                () -> Money.ofFen(1).isAtLeastPercentOf(Money.ofFen(Long.MAX_VALUE), 2));
        assertThrows(IllegalArgumentException.class, () -> Money.ofFen(1).isAtLeastPercentOf(Money.ofFen(1), -1));
    }

    @ParameterizedTest
    @CsvSource({
        "10000, 20, 2000",
        "10, 5, 1",
        "9, 5, 0",
        "1, 50, 1",
        "1, 49, 0",
        "3, 50, 2",
        "12345, 3, 370",
        "12350, 3, 371",
        "0, 100, 0",
        "999, 0, 0",
        "999, 100, 999",
        "999, 250, 2498"
    })
    void percentRoundsHalfUpToTheFen(long fen, int percent, long expectedFen) {
        assertEquals(Money.ofFen(expectedFen), Money.ofFen(fen).percent(percent));
    }

    @Test
    void percentOverflowAndNegativePercentAreRefusedButLargeExactResultsWork() {
        assertThrows(ArithmeticException.class, () -> Money.ofFen(Long.MAX_VALUE).percent(2));
        assertThrows(ArithmeticException.class, () -> Money.ofFen(Long.MAX_VALUE / 100 + 1).percent(100));
        assertThrows(IllegalArgumentException.class, () -> Money.ofFen(100).percent(-5));
        assertEquals(Money.ofFen(92_233_720_368_547_758L), Money.ofFen(Long.MAX_VALUE).percent(1));
        assertEquals(Money.ofFen(Long.MAX_VALUE / 100), Money.ofFen(Long.MAX_VALUE / 100).percent(100));
    }

    @Test
    void amountsSortByFen() {
        List<Money> amounts = new ArrayList<>(List.of(Money.ofYuan("10"), Money.ofYuan("0.99"), Money.ofYuan("2"),
                Money.ZERO));
        Collections.sort(amounts);
        assertEquals(List.of(Money.ZERO, Money.ofYuan("0.99"), Money.ofYuan("2"), Money.ofYuan("10")), amounts);
        assertEquals(0, Money.ofYuan("1.5").compareTo(Money.ofFen(150)));
        assertTrue(Money.ofFen(Long.MAX_VALUE).compareTo(Money.ZERO) > 0);
    }

    @Test
    void jsonUsesTheYuanText() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertEquals("\"1234.56\"", mapper.writeValueAsString(Money.ofFen(123456)));
        assertEquals("\"0.05\"", mapper.writeValueAsString(Money.ofFen(5)));
        assertEquals(Money.ofFen(123456), mapper.readValue("\"1234.56\"", Money.class));
        assertEquals(Money.ofFen(10), mapper.readValue("\"0.1\"", Money.class));
    }

    @Test
    void jsonRejectsMalformedYuanText() {
        ObjectMapper mapper = new ObjectMapper();
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("\"1,000\"", Money.class));
        assertEquals(InvalidMoneyException.class, rootCause(e).getClass());
        assertThrows(JsonMappingException.class, () -> mapper.readValue("\"-1.00\"", Money.class));
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
