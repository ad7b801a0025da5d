package cn.landmarket.common.error;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every message a problem can carry: one constant per key of {@code i18n/problems*.properties}, so
 * a mistyped key is a compile error and {@code LocalizerTest} checks that the constants and both
 * bundles name the same keys. The dotted key is also the {@code code} of a field error in the API.
 */
public enum MessageKey {
    PROBLEM_VALIDATION_FAILED_TITLE("problem.validation-failed.title"),
    PROBLEM_MALFORMED_REQUEST_TITLE("problem.malformed-request.title"),
    PROBLEM_NOT_AUTHENTICATED_TITLE("problem.not-authenticated.title"),
    PROBLEM_FORBIDDEN_TITLE("problem.forbidden.title"),
    PROBLEM_NOT_FOUND_TITLE("problem.not-found.title"),
    PROBLEM_METHOD_NOT_ALLOWED_TITLE("problem.method-not-allowed.title"),
    PROBLEM_NOT_ACCEPTABLE_TITLE("problem.not-acceptable.title"),
    PROBLEM_CONFLICT_TITLE("problem.conflict.title"),
    PROBLEM_INVALID_STATE_TITLE("problem.invalid-state.title"),
    PROBLEM_QUANTITY_UNAVAILABLE_TITLE("problem.quantity-unavailable.title"),
    PROBLEM_PAYLOAD_TOO_LARGE_TITLE("problem.payload-too-large.title"),
    PROBLEM_UNSUPPORTED_MEDIA_TYPE_TITLE("problem.unsupported-media-type.title"),
    PROBLEM_BID_REJECTED_TITLE("problem.bid-rejected.title"),
    PROBLEM_SERVICE_UNAVAILABLE_TITLE("problem.service-unavailable.title"),
    PROBLEM_INTERNAL_TITLE("problem.internal.title"),
    VALIDATION_FAILED("validation.failed"),
    NOT_FOUND("not-found"),
    UNAUTHENTICATED("unauthenticated"),
    CONCURRENT_CHANGE("concurrent-change"),
    INTERNAL("internal"),
    HTTP_404("http.404"),
    HTTP_405("http.405"),
    HTTP_406("http.406"),
    HTTP_413("http.413"),
    HTTP_415("http.415"),
    HTTP_400("http.400"),
    PARAM_INVALID("param.invalid"),
    JSON_MALFORMED("json.malformed"),
    JSON_UNKNOWN_FIELD("json.unknown-field"),
    JSON_WRONG_TYPE("json.wrong-type"),
    JSON_MONEY("json.money"),
    JSON_INVALID_VALUE("json.invalid-value"),
    JSON_UNSTORABLE_TEXT("json.unstorable-text"),
    FORBIDDEN_ROLE("forbidden.role"),
    FORBIDDEN_ROLES("forbidden.roles"),
    FORBIDDEN_NO_ORG("forbidden.no-org"),
    FORBIDDEN_UNKNOWN_ORG("forbidden.unknown-org"),
    FORBIDDEN_ORGANISATION("forbidden.organisation"),
    FORBIDDEN_OTHER_ENTERPRISE("forbidden.other-enterprise"),
    FORBIDDEN_OUTSIDE_JURISDICTION("forbidden.outside-jurisdiction"),
    FORBIDDEN_NOT_HOLDER("forbidden.not-holder"),
    FORBIDDEN_NOT_SELLER("forbidden.not-seller"),
    FORBIDDEN_COMMITMENT("forbidden.commitment"),
    FORBIDDEN_IDENTITY_UNUSABLE("forbidden.identity-unusable"),
    FORBIDDEN_MARKET_WIDE_ACCOUNT("forbidden.market-wide-account"),
    CREDIT_CODE_INVALID("credit-code.invalid"),
    DEV_OPERATOR_ORG("dev.operator-org"),
    ENTERPRISE_ALREADY_REGISTERED("enterprise.already-registered"),
    ENTERPRISE_BANK_ACCOUNT_NAME("enterprise.bank-account-name"),
    ENTERPRISE_NOT_PENDING("enterprise.not-pending"),
    REVIEW_REASON_REQUIRED("review.reason-required"),
    CALENDAR_WEEKEND_ALREADY_REST("calendar.weekend-already-rest"),
    CALENDAR_WEEKDAY_ALREADY_WORKING("calendar.weekday-already-working"),
    CERTIFICATE_FIELD_REQUIRED("certificate.field-required"),
    CERTIFICATE_FIELD_NOT_APPLICABLE("certificate.field-not-applicable"),
    CERTIFICATE_PADDY_EXCEEDS_AREA("certificate.paddy-exceeds-area"),
    CERTIFICATE_EXPIRED("certificate.expired"),
    CERTIFICATE_TERM_OVER_LEGAL_MAXIMUM("certificate.term-over-legal-maximum"),
    CERTIFICATE_PLOT_RATIO_RANGE("certificate.plot-ratio-range"),
    CERTIFICATE_VOTE_MORE_THAN_ELIGIBLE("certificate.vote-more-than-eligible"),
    CERTIFICATE_FILING_IN_FUTURE("certificate.filing-in-future"),
    CERTIFICATE_QUANTITY_UNAVAILABLE("certificate.quantity-unavailable"),
    LISTING_NOT_DRAFT("listing.not-draft"),
    LISTING_NOT_PENDING("listing.not-pending"),
    LISTING_NOT_LIVE("listing.not-live"),
    LISTING_NOT_SUSPENDED("listing.not-suspended"),
    LISTING_PADDY_EXCEEDS_LOT("listing.paddy-exceeds-lot"),
    LISTING_PARCEL_WHOLE("listing.parcel-whole"),
    LISTING_TERM_TOO_LONG("listing.term-too-long"),
    LISTING_VOTE_INSUFFICIENT("listing.vote-insufficient"),
    LISTING_PRICE_POSITIVE("listing.price-positive"),
    LISTING_DEPOSIT_TOO_LOW("listing.deposit-too-low"),
    LISTING_DEPOSIT_TOO_HIGH("listing.deposit-too-high"),
    LISTING_CAP_TOO_LOW("listing.cap-too-low"),
    LISTING_CAP_TOO_HIGH("listing.cap-too-high"),
    LISTING_RESERVE_BELOW_START("listing.reserve-below-start"),
    LISTING_RESERVE_ABOVE_CAP("listing.reserve-above-cap"),
    LISTING_ANNOUNCE_IN_PAST("listing.announce-in-past"),
    LISTING_ANNOUNCEMENT_TOO_SHORT("listing.announcement-too-short"),
    LISTING_END_BEFORE_START("listing.end-before-start"),
    LISTING_LISTING_TOO_SHORT("listing.listing-too-short"),
    LISTING_REGISTRATION_BEFORE_ANNOUNCEMENT("listing.registration-before-announcement"),
    LISTING_REGISTRATION_TOO_LATE("listing.registration-too-late"),
    LISTING_COUNTDOWN_RANGE("listing.countdown-range"),
    LISTING_INDICATOR_EXPIRES("listing.indicator-expires"),
    LISTING_FILING_TOO_LATE("listing.filing-too-late"),
    LISTING_CONFIRMATION_RANGE("listing.confirmation-range"),
    LISTING_PAYMENT_TOO_LATE("listing.payment-too-late"),
    LISTING_FULL_PAYMENT_SHARE("listing.full-payment-share"),
    LISTING_FULL_PAYMENT_BALANCE("listing.full-payment-balance"),
    LISTING_FIRST_SHARE_RANGE("listing.first-share-range"),
    LISTING_BALANCE_AFTER_FIRST("listing.balance-after-first"),
    LISTING_REGIONS_REPEATED("listing.regions-repeated"),
    BID_KEY_MISSING("bid.key-missing"),
    BID_NOT_QUALIFIED("bid.not-qualified"),
    BID_CLOSED("bid.closed"),
    BID_SUSPENDED("bid.suspended"),
    BID_CAP_REACHED("bid.cap-reached"),
    BID_BELOW_START("bid.below-start"),
    BID_BELOW_INCREMENT("bid.below-increment"),
    BID_ABOVE_CAP("bid.above-cap"),
    BID_KEY_REUSED("bid.key-reused"),
    BID_NOT_COMMITTED("bid.not-committed"),
    REGISTRATION_ENTERPRISE_UNREGISTERED("registration.enterprise-unregistered"),
    REGISTRATION_ENTERPRISE_NOT_VERIFIED("registration.enterprise-not-verified"),
    REGISTRATION_REGION_NOT_ELIGIBLE("registration.region-not-eligible"),
    REGISTRATION_BARRED("registration.barred"),
    REGISTRATION_LISTING_NOT_OPEN("registration.listing-not-open"),
    REGISTRATION_DEADLINE_PASSED("registration.deadline-passed"),
    REGISTRATION_ALREADY_REGISTERED("registration.already-registered"),
    REGISTRATION_NONE("registration.none"),
    BANK_SIGNATURE_MISSING("bank.signature-missing"),
    BANK_SIGNATURE_INVALID("bank.signature-invalid"),
    BANK_TRANSACTION_CONFLICT("bank.transaction-conflict"),
    BANK_AMOUNT_POSITIVE("bank.amount-positive"),
    BANK_BOOKED_IN_FUTURE("bank.booked-in-future"),
    BANK_BOOKED_TOO_OLD("bank.booked-too-old"),
    BANK_MANUAL_ON_RECORD("bank.manual-on-record"),
    BANK_MANUAL_PENDING_CONFLICT("bank.manual-pending-conflict"),
    BANK_MANUAL_OWN_NOTICE("bank.manual-own-notice"),
    BANK_MANUAL_DECIDED("bank.manual-decided"),
    AUDIT_INDEX_OUTSIDE_TREE("audit.index-outside-tree"),
    AUDIT_SIZE_BEYOND_LOG("audit.size-beyond-log"),
    AUDIT_SIZE_REQUIRED("audit.size-required"),
    AUDIT_FROM_AFTER_TO("audit.from-after-to"),
    AUDIT_NEGATIVE("audit.negative"),
    AUDIT_LIMIT("audit.limit"),
    LEDGER_TRANSFER_CONFLICT("ledger.transfer-conflict"),
    LEDGER_TRANSFER_REFUSED("ledger.transfer-refused"),
    TRADE_CONFIRMATION_MISMATCH("trade.confirmation-mismatch"),
    TRADE_NOT_AWAITING_CONFIRMATION("trade.not-awaiting-confirmation"),
    LISTING_RELIST_NOT_FAILED("listing.relist-not-failed"),
    LISTING_RELIST_PRICE_TOO_LOW("listing.relist-price-too-low"),
    LISTING_ALREADY_RELISTED("listing.already-relisted"),
    REVEAL_REASON_REQUIRED("reveal.reason-required"),
    REVEAL_REASON_TOO_LONG("reveal.reason-too-long"),
    AUDIT_HASH_REQUIRED("audit.hash-required"),
    AUDIT_BAD_HASH("audit.bad-hash"),
    AUDIT_NO_CHECKPOINT("audit.no-checkpoint"),
    OVERSIGHT_BAD_DATE("oversight.bad-date"),
    OVERSIGHT_RANGE_REVERSED("oversight.range-reversed"),
    OVERSIGHT_REGION_DIGITS("oversight.region-digits"),
    OVERSIGHT_EXPORT_TOO_LARGE("oversight.export-too-large"),
    REQUEST_NUL_CHARACTER("request.nul-character"),
    PROBLEM_TOO_MANY_REQUESTS_TITLE("problem.too-many-requests.title"),
    BID_RATE_BIDDER("bid.rate-bidder"),
    BID_RATE_ADDRESS("bid.rate-address"),
    LIVE_FULL_ADDRESS("live.full-address"),
    LIVE_FULL_INSTANCE("live.full-instance");

    private static final Map<String, MessageKey> BY_KEY = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(MessageKey::bundleKey, Function.identity()));

    private final String bundleKey;

    MessageKey(String bundleKey) {
        this.bundleKey = bundleKey;
    }

    /** The key in the bundles, such as {@code listing.deposit-too-low}. */
    public String bundleKey() {
        return bundleKey;
    }

    /** For keys built from data, such as {@code http.404}: empty when there is no such message. */
    public static Optional<MessageKey> find(String bundleKey) {
        return Optional.ofNullable(BY_KEY.get(bundleKey));
    }

    @Override
    public String toString() {
        return bundleKey;
    }
}
