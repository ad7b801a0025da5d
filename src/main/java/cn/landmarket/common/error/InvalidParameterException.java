package cn.landmarket.common.error;

import jakarta.ws.rs.BadRequestException;

/** A query or path parameter that cannot be read as its type; reported as a 400 naming the parameter. */
public class InvalidParameterException extends BadRequestException {

    private final String value;
    private final String expected;

    public InvalidParameterException(String value, String expected) {
        super("Invalid parameter value '" + value + "', expected " + expected);
        this.value = value;
        this.expected = expected;
    }

    public String value() {
        return value;
    }

    public String expected() {
        return expected;
    }
}
