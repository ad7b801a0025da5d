package cn.landmarket.party;

import java.util.Optional;

/** Validates and completes the 18-character unified social credit code (统一社会信用代码, GB 32100-2015). */
public final class CreditCode {

    /** Why a string is not a valid unified social credit code, in the order the checks are made. */
    public enum Problem { BLANK, WRONG_LENGTH, ILLEGAL_CHARACTER, BAD_DIVISION_CODE, BAD_CHECK_CHARACTER }

    /** The 31 allowed characters; a character's value is its index. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    static final int LENGTH = 18;

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int MODULUS = 31;
    private static final int DIVISION_START = 2;
    private static final int DIVISION_END = 8;

    private CreditCode() {
    }

    /**
     * Checks a code against GB 32100-2015: non-blank, exactly 18 characters, every character from the allowed set,
     * positions 3-8 digits, and the 18th character equal to the mod-31 check character of the first 17.
     * The input is taken as is: no trimming and no upper-casing, so lower case is {@link Problem#ILLEGAL_CHARACTER}.
     *
     * @return empty when the code is valid, otherwise the first problem found
     */
    public static Optional<Problem> check(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of(Problem.BLANK);
        }
        if (code.length() != LENGTH) {
            return Optional.of(Problem.WRONG_LENGTH);
        }
        if (!allAllowed(code)) {
            return Optional.of(Problem.ILLEGAL_CHARACTER);
        }
        if (!divisionIsDigits(code)) {
            return Optional.of(Problem.BAD_DIVISION_CODE);
        }
        if (code.charAt(LENGTH - 1) != computeCheckCharacter(code)) {
            return Optional.of(Problem.BAD_CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    /**
     * Tells whether a code passes every rule of {@link #check(String)}.
     *
     * @return true when the code is a valid unified social credit code
     */
    public static boolean isValid(String code) {
        return check(code).isEmpty();
    }

    /**
     * Computes the 18th character for a 17-character body: 31 minus the weighted sum mod 31, with 31 mapped to 0.
     *
     * @return the check character
     * @throws IllegalArgumentException when the body is not 17 allowed characters with digits at positions 3-8
     */
    public static char checkCharacter(String first17) {
        requireBody(first17);
        return computeCheckCharacter(first17);
    }

    /**
     * Appends the check character to a 17-character body, giving a code that {@link #isValid(String)} accepts.
     *
     * @return the full 18-character code
     * @throws IllegalArgumentException when the body is not 17 allowed characters with digits at positions 3-8
     */
    public static String complete(String first17) {
        return first17 + checkCharacter(first17);
    }

    /**
     * Extracts the administrative division code of the registering authority.
     *
     * @return the 6 digits at positions 3-8
     * @throws IllegalArgumentException when the code is not valid
     */
    public static String divisionCode(String code) {
        Optional<Problem> problem = check(code);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("Not a valid credit code (" + problem.get() + "): " + code);
        }
        return code.substring(DIVISION_START, DIVISION_END);
    }

    private static void requireBody(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("Credit code body must be 17 characters: " + first17);
        }
        if (!allAllowed(first17)) {
            throw new IllegalArgumentException("Credit code body has a character outside " + CHARSET + ": " + first17);
        }
        if (!divisionIsDigits(first17)) {
            throw new IllegalArgumentException("Credit code body must have digits at positions 3-8: " + first17);
        }
    }

    private static boolean allAllowed(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (CHARSET.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean divisionIsDigits(String s) {
        for (int i = DIVISION_START; i < DIVISION_END; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static char computeCheckCharacter(String s) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += CHARSET.indexOf(s.charAt(i)) * WEIGHTS[i];
        }
        int value = (MODULUS - sum % MODULUS) % MODULUS;
        return CHARSET.charAt(value);
    }
}
