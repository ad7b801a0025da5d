package cn.landmarket.common.error;

import java.util.List;

/** A localisable message: a key in i18n/problems*.properties and its MessageFormat arguments. */
public record Message(String key, List<Object> args) {

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }
}
