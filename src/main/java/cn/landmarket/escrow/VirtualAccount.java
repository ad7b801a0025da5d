package cn.landmarket.escrow;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The virtual sub-account numbers of the escrow account: the bank's prefix, a 12-digit serial and a
 * Luhn check digit, so a mistyped number is caught before any lookup. A registration pays its
 * deposit into {@link #forRegistration(long)}, a buyer pays a trade's price into
 * {@link #forTrade(long)}; which of the two owns a number is read back with {@link #owner(String)}.
 * The serial ranges of the two owners are fixed here ({@link #TRADE_SERIALS_FROM}), and each
 * factory refuses an id outside its owner's range, so a number can never be claimed by both.
 */
public final class VirtualAccount {

    /** Digits of the registration id inside the number. */
    public static final int SERIAL_DIGITS = 12;

    /** Longest prefix that still fits the 24-character account column with serial and check digit. */
    public static final int MAX_PREFIX_DIGITS = 11;

    private static final long SERIAL_LIMIT = 1_000_000_000_000L;

    /**
     * First serial of a trade's account; registrations own the serials below it. Trade ids are
     * issued from this value on (trade_seq, V4), registration ids from 1000.
     */
    public static final long TRADE_SERIALS_FROM = 900_000_000_000L;

    /** Who an account number belongs to: a registration's deposit or a trade's price. */
    public sealed interface Owner {
        long id();
    }

    /** The account a registration pays its deposit into. */
    public record RegistrationOwner(long id) implements Owner {
    }

    /** The account a buyer pays a trade's price into. */
    public record TradeOwner(long id) implements Owner {
    }

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
     * Gives the account number a registration pays its deposit into.
     *
     * @throws IllegalArgumentException when the id is negative or reaches {@link #TRADE_SERIALS_FROM}
     */
    public String forRegistration(long registrationId) {
        if (registrationId < 0 || registrationId >= TRADE_SERIALS_FROM) {
            throw new IllegalArgumentException("Registration id outside the registrations' serials: " + registrationId);
        }
        return number(registrationId);
    }

    /**
     * Gives the account number a buyer pays a trade's price into.
     *
     * @throws IllegalArgumentException when the id is below {@link #TRADE_SERIALS_FROM} or has more than 12 digits
     */
    public String forTrade(long tradeId) {
        if (tradeId < TRADE_SERIALS_FROM || tradeId >= SERIAL_LIMIT) {
            throw new IllegalArgumentException("Trade id outside the trades' serials: " + tradeId);
        }
        return number(tradeId);
    }

    /**
     * Tells who a number belongs to.
     *
     * @return the registration or trade whose account it is, or empty when the number is not
     *         {@link #isValid(String) valid}
     */
    public Optional<Owner> owner(String number) {
        OptionalLong serial = serial(number);
        if (serial.isEmpty()) {
            return Optional.empty();
        }
        long id = serial.getAsLong();
        return Optional.of(id >= TRADE_SERIALS_FROM ? new TradeOwner(id) : new RegistrationOwner(id));
    }

    /**
     * Gives the account number of a serial, whoever owns it.
     *
     * @return prefix + 12-digit serial + Luhn check digit
     * @throws IllegalArgumentException when the serial is negative or has more than 12 digits
     */
    public String number(long serial) {
        if (serial < 0 || serial >= SERIAL_LIMIT) {
            throw new IllegalArgumentException("Serial does not fit " + SERIAL_DIGITS + " digits: " + serial);
        }
        String payload = prefix + String.format("%0" + SERIAL_DIGITS + "d", serial);
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
     * Reads the serial out of a valid number ({@link #owner(String)} says whose it is).
     *
     * @return the serial, or empty when the number is not {@link #isValid(String) valid}
     */
    public OptionalLong serial(String number) {
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
