package cn.landmarket.common.error;

/** Every kind of problem the API reports, with its HTTP status; titles live in i18n/problems*.properties. */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    MALFORMED_REQUEST(400),
    NOT_AUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    INVALID_STATE(409),
    QUANTITY_UNAVAILABLE(409),
    BID_REJECTED(409),
    PAYLOAD_TOO_LARGE(413),
    REVEAL_MISMATCH(422),
    UNSUPPORTED_MEDIA_TYPE(415),
    TOO_MANY_REQUESTS(429),
    INTERNAL(500),
    SERVICE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The problem type URI, e.g. {@code urn:land-market:problem:invalid-state}. */
    public String type() {
        return "urn:land-market:problem:" + name().toLowerCase().replace('_', '-');
    }

    /** Key of the localised title. */
    public MessageKey titleKey() {
        return MessageKey.find("problem." + name().toLowerCase().replace('_', '-') + ".title").orElseThrow();
    }

    public static ErrorCode forStatus(int status) {
        for (ErrorCode code : values()) {
            if (code.status == status) {
                return code;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
