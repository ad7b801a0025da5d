package cn.landmarket.common;

/** Thrown when a text is not a well-formed yuan amount; the message carries the offending input. */
public final class InvalidMoneyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;

    /**
     * Creates the exception for a rejected input.
     *
     * @param input the text that was rejected, possibly null
     */
    public InvalidMoneyException(String input) {
        super("Not a valid yuan amount (digits, at most 13 before and 2 after the point): "
                + (input == null ? "null" : "\"" + input + "\""));
        this.input = input;
    }

    /**
     * Gives the text that was rejected.
     *
     * @return the offending input, possibly null
     */
    public String input() {
        return input;
    }
}
