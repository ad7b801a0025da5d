package cn.landmarket.party;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.landmarket.party.CreditCode.Problem;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String VALID = "91350100M000100Y43";

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "9144030071526726XG", "914403001922038216", "91110000802100433B"})
    void realRegisteredCodesAreValid(String code) {
        assertEquals(Optional.empty(), CreditCode.check(code));
        assertTrue(CreditCode.isValid(code));
    }

    @Test
    void checkCharacterOfRealCodesIsRecomputed() {
        assertEquals('3', CreditCode.checkCharacter("91350100M000100Y4"));
        assertEquals('G', CreditCode.checkCharacter("9144030071526726X"));
        assertEquals('6', CreditCode.checkCharacter("91440300192203821"));
        assertEquals('B', CreditCode.checkCharacter("91110000802100433"));
    }

    @Test
    void checkValueOfThirtyOneBecomesZero() {
        String body = "00000000000000000";
        assertEquals('0', CreditCode.checkCharacter(body));
        assertEquals("000000000000000000", CreditCode.complete(body));
        assertTrue(CreditCode.isValid("000000000000000000"));
    }

    @Test
    void checkValueIsThirtyOneMinusWeightedSumModThirtyOne() {
        // weighted sum of "10000000000000000" is 1 (value 1 × weight 1), so the check value is 30 = 'Y'
        assertEquals('Y', CreditCode.checkCharacter("10000000000000000"));
        // weighted sum of "00000000000000001" is 28 (value 1 × weight 28), so the check value is 3
        assertEquals('3', CreditCode.checkCharacter("00000000000000001"));
    }

    @Test
    void wrongCheckCharacterIsRejected() {
        assertEquals(Optional.of(Problem.BAD_CHECK_CHARACTER), CreditCode.check("91350100M000100Y44"));
        assertEquals(Optional.of(Problem.BAD_CHECK_CHARACTER), CreditCode.check("9144030071526726XH"));
        assertEquals(Optional.of(Problem.BAD_CHECK_CHARACTER), CreditCode.check("914403001922038210"));
        assertFalse(CreditCode.isValid("91110000802100433A"));
    }

    @Test
    void everyOtherCheckCharacterIsRejected() {
        String body = VALID.substring(0, 17);
        for (char c : CHARSET.toCharArray()) {
            Optional<Problem> expected = c == '3' ? Optional.empty() : Optional.of(Problem.BAD_CHECK_CHARACTER);
            assertEquals(expected, CreditCode.check(body + c), "check character " + c);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "                  "})
    void blankInputIsRejectedAsBlank(String code) {
        assertEquals(Optional.of(Problem.BLANK), CreditCode.check(code));
        assertFalse(CreditCode.isValid(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", "9", "91350100M000100Y4391350100M000100Y43"})
    void lengthOtherThanEighteenIsRejected(String code) {
        assertEquals(Optional.of(Problem.WRONG_LENGTH), CreditCode.check(code));
    }

    @Test
    void surroundingWhitespaceIsNotTrimmed() {
        assertEquals(Optional.of(Problem.WRONG_LENGTH), CreditCode.check(" " + VALID));
        assertEquals(Optional.of(Problem.WRONG_LENGTH), CreditCode.check(VALID + "\n"));
        assertEquals(Optional.of(Problem.ILLEGAL_CHARACTER), CreditCode.check(" " + VALID.substring(1)));
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V', 'a', 'm', 'y', '-', ' ', '０', '中'})
    void characterOutsideTheCharsetIsIllegal(char c) {
        String code = VALID.substring(0, 8) + c + VALID.substring(9);
        assertEquals(Optional.of(Problem.ILLEGAL_CHARACTER), CreditCode.check(code));
    }

    @Test
    void lowerCaseIsIllegalRatherThanUpperCased() {
        assertEquals(Optional.of(Problem.ILLEGAL_CHARACTER), CreditCode.check("91350100m000100y43"));
        assertEquals(Optional.of(Problem.ILLEGAL_CHARACTER), CreditCode.check("9144030071526726xg"));
    }

    @Test
    void illegalCharacterInsideDivisionIsReportedAsIllegalFirst() {
        assertEquals(Optional.of(Problem.ILLEGAL_CHARACTER), CreditCode.check("9135O100M000100Y43"));
    }

    @Test
    void letterInDivisionPositionsIsBadDivisionCode() {
        for (int i = 2; i < 8; i++) {
            String code = VALID.substring(0, i) + 'A' + VALID.substring(i + 1);
            assertEquals(Optional.of(Problem.BAD_DIVISION_CODE), CreditCode.check(code), "position " + (i + 1));
        }
    }

    @Test
    void letterInLastDivisionPositionIsRefusedByCompleteAndCheck() {
        String code = "9135010M" + "M000100Y4";
        assertThrows(IllegalArgumentException.class, () -> CreditCode.complete(code));
        String forced = code + 'X';
        assertEquals(Optional.of(Problem.BAD_DIVISION_CODE), CreditCode.check(forced));
    }

    @Test
    void lettersOutsideDivisionPositionsAreAllowed() {
        String code = CreditCode.complete("Y1350100MAQRTUWXY");
        assertEquals(18, code.length());
        assertTrue(CreditCode.isValid(code));
    }

    @Test
    void divisionCodeIsPositionsThreeToEight() {
        assertEquals("350100", CreditCode.divisionCode("91350100M000100Y43"));
        assertEquals("440300", CreditCode.divisionCode("9144030071526726XG"));
        assertEquals("110000", CreditCode.divisionCode("91110000802100433B"));
    }

    @Test
    void divisionCodeOfInvalidCodeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CreditCode.divisionCode("91350100M000100Y44"));
        assertTrue(e.getMessage().contains("BAD_CHECK_CHARACTER"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CreditCode.divisionCode(null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"91350100M000100Y", "91350100M000100Y43", "91350100M000100yY", "91AB0100M000100Y4"})
    void checkCharacterRefusesBadBody(String body) {
        assertThrows(IllegalArgumentException.class, () -> CreditCode.checkCharacter(body));
        assertThrows(IllegalArgumentException.class, () -> CreditCode.complete(body));
    }

    @Test
    void completeAppendsTheCheckCharacter() {
        assertEquals("91350100M000100Y43", CreditCode.complete("91350100M000100Y4"));
        assertEquals("9144030071526726XG", CreditCode.complete("9144030071526726X"));
    }

    @Test
    void completedRandomBodiesAreValidAndKeepTheirDivision() {
        Random random = new Random(20_261_120L);
        for (int n = 0; n < 5_000; n++) {
            String body = randomBody(random);
            String code = CreditCode.complete(body);
            assertEquals(18, code.length());
            assertEquals(body, code.substring(0, 17));
            assertEquals(Optional.empty(), CreditCode.check(code), code);
            assertEquals(body.substring(2, 8), CreditCode.divisionCode(code));
        }
    }

    @Test
    void everySingleSubstitutionOfAValidCodeIsDetected() {
        Random random = new Random(32_100L);
        int substitutions = 0;
        for (int n = 0; n < 200; n++) {
            String code = CreditCode.complete(randomBody(random));
            for (int pos = 0; pos < 18; pos++) {
                for (char c : CHARSET.toCharArray()) {
                    if (c == code.charAt(pos)) {
                        continue;
                    }
                    String changed = code.substring(0, pos) + c + code.substring(pos + 1);
                    boolean letterInDivision = pos >= 2 && pos < 8 && !Character.isDigit(c);
                    Problem expected = letterInDivision ? Problem.BAD_DIVISION_CODE : Problem.BAD_CHECK_CHARACTER;
                    assertEquals(Optional.of(expected), CreditCode.check(changed), code + " -> " + changed);
                    substitutions++;
                }
            }
        }
        assertEquals(200 * 18 * 30, substitutions);
    }

    private static String randomBody(Random random) {
        StringBuilder body = new StringBuilder(17);
        for (int i = 0; i < 17; i++) {
            boolean division = i >= 2 && i < 8;
            body.append(division ? (char) ('0' + random.nextInt(10)) : CHARSET.charAt(random.nextInt(CHARSET.length())));
        }
        return body.toString();
    }
}
