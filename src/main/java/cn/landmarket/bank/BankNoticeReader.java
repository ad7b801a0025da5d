package cn.landmarket.bank;

import java.io.IOException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.error.StorableText;

/**
 * Reads a notice body strictly, after its signature has been checked: unknown or repeated fields,
 * trailing content, numbers for amounts or times, a missing offset, and text the database cannot
 * store (a NUL character, an unpaired surrogate: {@link StorableText}) are all refused (400).
 */
@ApplicationScoped
public class BankNoticeReader {

    private final ObjectReader reader = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(StorableText.module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()
            .readerFor(BankNoticeRequest.class);

    private final Validator validator;

    BankNoticeReader(Validator validator) {
        this.validator = validator;
    }

    /**
     * Parses and validates a body.
     *
     * @return the notice
     * @throws IOException (a Jackson processing exception) when the body is not a well-formed notice
     * @throws ApiException when the body is JSON null (400)
     * @throws ConstraintViolationException when a field breaks its constraints
     */
    public BankNoticeRequest read(byte[] body) throws IOException {
        BankNoticeRequest request = reader.readValue(body);
        if (request == null) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, MessageKey.JSON_MALFORMED);
        }
        Set<ConstraintViolation<BankNoticeRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
