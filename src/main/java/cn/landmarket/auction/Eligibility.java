package cn.landmarket.auction;

import java.util.List;
import java.util.Optional;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.Message;
import cn.landmarket.common.error.MessageKey;

/**
 * Whether the calling enterprise may register for a listing, condition by condition, as the
 * registration service checks them ({@link RegistrationRules}), and its registration if it has one.
 * Conditions that cannot be judged (the region of an enterprise the platform does not know) are left out.
 */
public record Eligibility(long listingId, List<Check> checks, Optional<RegistrationView> registration) {

    /** What registering needs, in the order the service checks it. */
    public enum Condition {
        ENTERPRISE_REGISTERED, ENTERPRISE_VERIFIED, REGION, NOT_BARRED, LISTING_OPEN, BEFORE_DEADLINE, NOT_REGISTERED
    }

    /** One condition: met or not, and when not, the refusal registering would give. */
    public record Check(Condition condition, boolean met, ErrorCode code, Message refusal) {

        static Check met(Condition condition) {
            return new Check(condition, true, null, null);
        }

        static Check unmet(Condition condition, ErrorCode code, MessageKey key, Object... args) {
            return new Check(condition, false, code, Message.of(key, args));
        }

        /** The refusal as the API raises it. */
        public ApiException exception() {
            return new ApiException(code, refusal, List.of());
        }
    }

    public Eligibility {
        checks = List.copyOf(checks);
    }

    /** True when every condition is met: registering now would succeed. */
    public boolean eligible() {
        return checks.stream().allMatch(Check::met);
    }

    /** The first unmet condition, the one registering would be refused for. */
    public Optional<Check> firstUnmet() {
        return firstUnmet(checks);
    }

    static Optional<Check> firstUnmet(List<Check> checks) {
        return checks.stream().filter(c -> !c.met()).findFirst();
    }
}
