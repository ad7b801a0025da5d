package cn.landmarket.common.error;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Text the marketplace can keep: no NUL character (PostgreSQL cannot store U+0000 in text) and no
 * unpaired UTF-16 surrogate (JSON may escape one, "\ud800", but it is no Unicode character: UTF-8,
 * the database and the audit log's canonical JSON all refuse it). Every JSON body is read through
 * {@link #module()}, so such text is a 400 naming the field at the door instead of a 500 deep in a
 * query or the audit log.
 */
public final class StorableText {

    /** The message key of the field error. */
    public static final MessageKey KEY = MessageKey.JSON_UNSTORABLE_TEXT;

    private StorableText() {
    }

    /** True when the text holds neither a NUL character nor an unpaired surrogate. */
    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A Jackson module whose String deserializer refuses text that is not {@link #isStorable storable}. */
    public static SimpleModule module() {
        return new SimpleModule("storable-text").addDeserializer(String.class, new Deserializer());
    }

    /** The refusal: a mapping error whose path names the field. */
    public static final class UnstorableTextException extends JsonMappingException {

        private static final long serialVersionUID = 1L;

        UnstorableTextException(JsonParser parser) {
            super(parser, "text must not contain a NUL character or an unpaired UTF-16 surrogate");
        }
    }

    /** Text as Jackson reads it, refused when it is not storable. */
    static final class Deserializer extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            if (text != null && !isStorable(text)) {
                throw new UnstorableTextException(p);
            }
            return text;
        }
    }
}
