package cn.landmarket.common.error;

/** One rejected input field: where it is (JSON path such as {@code terms.startPrice}) and why. */
public record FieldViolation(String field, Message message) {

    public static FieldViolation of(String field, MessageKey key, Object... args) {
        return new FieldViolation(field, Message.of(key, args));
    }
}
