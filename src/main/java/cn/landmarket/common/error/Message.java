package cn.landmarket.common.error;

import java.util.List;

/** A localisable message: a key of i18n/problems*.properties and its MessageFormat arguments. */
public record Message(MessageKey key, List<Object> args) {

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(MessageKey key, Object... args) {
        return new Message(key, List.of(args));
    }
}
