package cn.landmarket.auction;

import java.util.Random;
import java.util.function.Predicate;

/**
 * Draws bidder numbers (竞买号): 8 characters from an alphabet without look-alikes (no 0, 1, I, L,
 * O), drawn at random so that no number says anything about another or about the order of
 * registration; 31^8 (about 8.5 × 10^11) numbers make a guess hopeless.
 */
public final class BidderNumbers {

    /** The characters a bidder number is made of. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /** Characters in a bidder number. */
    public static final int LENGTH = 8;

    /** Draws before giving up; with any realistic number of bidders a second draw is already rare. */
    static final int MAX_ATTEMPTS = 16;

    private final Random random;

    /**
     * Creates a generator over a source of randomness; production passes a {@link java.security.SecureRandom}.
     */
    public BidderNumbers(Random random) {
        this.random = random;
    }

    /**
     * Draws a number that is not yet taken, drawing again on a collision.
     *
     * @param taken tells whether a candidate is already used within the listing
     * @return a free bidder number
     * @throws IllegalStateException when {@value #MAX_ATTEMPTS} draws in a row were all taken
     */
    public String next(Predicate<String> taken) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String candidate = draw();
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free bidder number after " + MAX_ATTEMPTS + " draws");
    }

    /**
     * Tells whether a text has the form of a bidder number.
     *
     * @return true for 8 characters of {@link #ALPHABET}
     */
    public static boolean isWellFormed(String number) {
        if (number == null || number.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(number.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    String draw() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }
}
