package cn.landmarket.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import cn.landmarket.common.error.InvalidParameterException;

/**
 * Reads enum and whole-number parameters strictly, so that {@code ?status=FOO} or {@code ?size=abc}
 * is a 400 naming the parameter rather than the 404 JAX-RS gives by default.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new EnumConverter(rawType);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) new WholeNumber<>(Integer::valueOf, "a whole number");
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) new WholeNumber<>(Long::valueOf, "a whole number");
        }
        return null;
    }

    private record EnumConverter<E extends Enum<E>>(Class<E> type) implements ParamConverter<E> {
        @Override
        public E fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(value, "one of " + Arrays.toString(type.getEnumConstants()));
            }
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }

    private record WholeNumber<N extends Number>(java.util.function.Function<String, N> parse, String expected)
            implements ParamConverter<N> {
        @Override
        public N fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(value, expected);
            }
        }

        @Override
        public String toString(N value) {
            return value == null ? null : value.toString();
        }
    }
}
