package cn.landmarket.auction;

import java.util.OptionalLong;

/**
 * The virtual sub-account number a registration pays its deposit into: the bank's prefix, the
 * registration id zero-padded to 12 digits and a Luhn check digit, so every registration has its
 * own number and a mistyped number is caught before any lookup.
 */
public final class VirtualAccount {

    /** Digits of the registration id inside the number. */
    public static final int SERIAL_DIGITS = 12;

    /** Longest prefix that still fits the 24-character account column with serial and check digit. */
    public static final int MAX_PREFIX_DIGITS = 11;

    private static final long SERIAL_LIMIT = 1_000_000_000_000L;

    private final String prefix;

    /**
     * Creates the numbering of one bank.
     *
     * @throws IllegalArgumentException when the prefix is not 1 to 11 ASCII digits
     */
    public VirtualAccount(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.length() > MAX_PREFIX_DIGITS || !digits(prefix)) {
            throw new IllegalArgumentException("Virtual account prefix must be 1 to " + MAX_PREFIX_DIGITS
                    + " digits: " + prefix);
        }
        this.prefix = prefix;
    }

    /**
     * Gives the account number of a registration.
     *
     * @return prefix + 12-digit id + Luhn check digit
     * @throws IllegalArgumentException when the id is negative or has more than 12 digits
     */
    public String number(long registrationId) {
        if (registrationId < 0 || registrationId >= SERIAL_LIMIT) {
            throw new IllegalArgumentException("Registration id does not fit " + SERIAL_DIGITS + " digits: "
                    + registrationId);
        }
        String payload = prefix + String.format("%0" + SERIAL_DIGITS + "d", registrationId);
        return payload + checkDigit(payload);
    }

    /**
     * Tells whether a number is one of this bank's virtual accounts: the prefix, 12 digits and a
     * correct check digit, nothing else.
     *
     * @return true for a well-formed number; false for null or anything else
     */
    public boolean isValid(String number) {
        return number != null && number.length() == prefix.length() + SERIAL_DIGITS + 1
                && number.startsWith(prefix) && digits(number) && passesLuhn(number);
    }

    /**
     * Reads the registration id out of a valid number.
     *
     * @return the id, or empty when the number is not {@link #isValid(String) valid}
     */
    public OptionalLong registrationId(String number) {
        if (!isValid(number)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(number.substring(prefix.length(), prefix.length() + SERIAL_DIGITS)));
    }

    /**
     * Computes the Luhn check digit to append to a string of digits.
     *
     * @return the digit that makes payload + digit pass {@link #passesLuhn(String)}
     * @throws IllegalArgumentException when the payload is empty or not all ASCII digits
     */
    public static char checkDigit(String payload) {
        if (payload == null || payload.isEmpty() || !digits(payload)) {
            throw new IllegalArgumentException("Luhn payload must be digits: " + payload);
        }
        int sum = luhnSum(payload, true);
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /**
     * Tells whether a string of digits ends in a correct Luhn check digit.
     *
     * @return true when the Luhn sum is a multiple of 10; false for null, short or non-digit input
     */
    public static boolean passesLuhn(String number) {
        if (number == null || number.length() < 2 || !digits(number)) {
            return false;
        }
        return luhnSum(number, false) % 10 == 0;
    }

    /** Sums the digits from the right, doubling every second one (the rightmost too when it is not yet the check digit). */
    private static int luhnSum(String digits, boolean doubleRightmost) {
        int sum = 0;
        boolean doubled = doubleRightmost;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
