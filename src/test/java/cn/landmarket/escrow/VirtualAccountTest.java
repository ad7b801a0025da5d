package cn.landmarket.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VirtualAccountTest {

    private final VirtualAccount accounts = new VirtualAccount("6228");

    @Test
    void luhnCheckDigitOfTheTextbookExampleIsThree() {
        assertEquals('3', VirtualAccount.checkDigit("7992739871"));
        assertTrue(VirtualAccount.passesLuhn("79927398713"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "5500005555555559", "378282246310005", "6011111111111117"})
    void wellKnownCardTestNumbersPassLuhn(String number) {
        assertTrue(VirtualAccount.passesLuhn(number));
        assertEquals(number.charAt(number.length() - 1),
                VirtualAccount.checkDigit(number.substring(0, number.length() - 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"79927398710", "79927398711", "79927398712", "79927398714", "4111111111111112"})
    void aWrongCheckDigitFailsLuhn(String number) {
        assertFalse(VirtualAccount.passesLuhn(number));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "7992739871a", "７９９２７３９８７１３", "-79927398713"})
    void anythingButDigitsFailsLuhn(String number) {
        assertFalse(VirtualAccount.passesLuhn(number));
    }

    @Test
    void theNumberIsPrefixTwelveDigitIdAndCheckDigit() {
        String number = accounts.number(1050);
        assertEquals(17, number.length());
        assertEquals("6228" + "000000001050", number.substring(0, 16));
        assertEquals(VirtualAccount.checkDigit(number.substring(0, 16)), number.charAt(16));
        assertTrue(VirtualAccount.passesLuhn(number));
        assertTrue(accounts.isValid(number));
    }

    @Test
    void theRegistrationIdIsReadBackFromAValidNumber() {
        assertEquals(OptionalLong.of(1050), accounts.serial(accounts.number(1050)));
        assertEquals(OptionalLong.of(999_999_999_999L), accounts.serial(accounts.number(999_999_999_999L)));
        assertEquals(OptionalLong.of(0), accounts.serial(accounts.number(0)));
    }

    @Test
    void everyRegistrationHasItsOwnNumber() {
        Set<String> numbers = new HashSet<>();
        for (long id = 1000; id < 6000; id += 50) {
            assertTrue(numbers.add(accounts.number(id)));
        }
    }

    @Test
    void aSingleMistypedDigitIsCaught() {
        String number = accounts.number(123_456);
        for (int i = 0; i < number.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != number.charAt(i)) {
                    String typo = number.substring(0, i) + d + number.substring(i + 1);
                    assertFalse(accounts.isValid(typo), typo);
                }
            }
        }
    }

    @Test
    void twoSwappedNeighbouringDigitsAreCaughtWhenTheyDiffer() {
        String number = accounts.number(1_234_567_890L);
        for (int i = 0; i + 1 < number.length(); i++) {
            if (number.charAt(i) != number.charAt(i + 1) && !(number.substring(i, i + 2).equals("09")
                    || number.substring(i, i + 2).equals("90"))) {
                String swapped = number.substring(0, i) + number.charAt(i + 1) + number.charAt(i) + number.substring(i + 2);
                assertFalse(accounts.isValid(swapped), swapped);
            }
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"62280000000010500", "622800000000105", "5228000000001050", "622800000000105X",
            " 62280000000010505"})
    void numbersOfTheWrongShapeAreNotValid(String number) {
        assertFalse(accounts.isValid(number));
        assertEquals(OptionalLong.empty(), accounts.serial(number));
    }

    @Test
    void aNumberOfAnotherBankIsNotValidHere() {
        String other = new VirtualAccount("6217").number(1050);
        assertTrue(VirtualAccount.passesLuhn(other));
        assertFalse(accounts.isValid(other));
        assertNotEquals(other, accounts.number(1050));
    }

    @Test
    void idsOutsideTwelveDigitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> accounts.number(-1));
        assertThrows(IllegalArgumentException.class, () -> accounts.number(1_000_000_000_000L));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"62a8", "622812345678", " 6228"})
    void aPrefixMustBeOneToElevenDigits(String prefix) {
        assertThrows(IllegalArgumentException.class, () -> new VirtualAccount(prefix));
    }

    @Test
    void theLongestPrefixStillFitsTheAccountColumn() {
        assertEquals(24, new VirtualAccount("62281234567").number(1).length());
    }

    @Test
    void aRegistrationsAccountIsOwnedByThatRegistrationAndATradesByThatTrade() {
        assertEquals(java.util.Optional.of(new VirtualAccount.RegistrationOwner(1050)),
                accounts.owner(accounts.forRegistration(1050)));
        assertEquals(java.util.Optional.of(new VirtualAccount.TradeOwner(900_000_000_007L)),
                accounts.owner(accounts.forTrade(900_000_000_007L)));
        assertEquals(java.util.Optional.empty(), accounts.owner("6228000000001050"));
    }

    @Test
    void aRegistrationAndATradeNeverShareANumber() {
        assertThrows(IllegalArgumentException.class,
                () -> accounts.forRegistration(VirtualAccount.TRADE_SERIALS_FROM));
        assertThrows(IllegalArgumentException.class,
                () -> accounts.forTrade(VirtualAccount.TRADE_SERIALS_FROM - 1));
        assertThrows(IllegalArgumentException.class, () -> accounts.forTrade(1050));
        assertEquals(accounts.number(1050), accounts.forRegistration(1050));
    }
}
