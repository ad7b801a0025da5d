package cn.landmarket.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import cn.landmarket.common.error.InvalidParameterException;

/**
 * Reads enum, whole-number and boolean parameters strictly, so that {@code ?status=FOO},
 * {@code ?size=abc} or {@code ?open=yes} is a 400 naming the parameter rather than the 404 JAX-RS
 * gives by default (or, for booleans, a silent false).
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
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new StrictBoolean();
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

    private record StrictBoolean() implements ParamConverter<Boolean> {
        @Override
        public Boolean fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            return switch (value) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new InvalidParameterException(value, "true or false");
            };
        }

        @Override
        public String toString(Boolean value) {
            return value == null ? null : value.toString();
        }
    }
}
