package cn.landmarket.auction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.auction.Eligibility.Check;
import cn.landmarket.auction.Eligibility.Condition;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.listing.Listing;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.party.Enterprise;
import cn.landmarket.party.EnterpriseStatus;

/**
 * Who may register for a listing (domain.md, "Registration"): a registered and verified enterprise,
 * of one of the listing's eligible regions, not barred, while the listing is announced or listing and
 * before its registration deadline, once. The registration service refuses with the first unmet
 * condition; the enterprise's page shows them all before it registers.
 */
public final class RegistrationRules {

    private RegistrationRules() {
    }

    /** The conditions on the enterprise alone (null when the platform does not know it). */
    static List<Check> enterprise(Enterprise enterprise) {
        List<Check> checks = new ArrayList<>();
        if (enterprise == null) {
            checks.add(Check.unmet(Condition.ENTERPRISE_REGISTERED, ErrorCode.FORBIDDEN,
                    MessageKey.REGISTRATION_ENTERPRISE_UNREGISTERED));
            return checks;
        }
        checks.add(Check.met(Condition.ENTERPRISE_REGISTERED));
        checks.add(enterprise.status == EnterpriseStatus.VERIFIED ? Check.met(Condition.ENTERPRISE_VERIFIED)
                : Check.unmet(Condition.ENTERPRISE_VERIFIED, ErrorCode.FORBIDDEN,
                        MessageKey.REGISTRATION_ENTERPRISE_NOT_VERIFIED, enterprise.status));
        return checks;
    }

    /**
     * The conditions on the enterprise against the listing (left out when the enterprise is unknown),
     * then on the listing at {@code now}, then that the enterprise has not registered already.
     */
    static List<Check> listing(Enterprise enterprise, Listing listing, Instant now, boolean registered,
            Function<Instant, String> at) {
        List<Check> checks = new ArrayList<>();
        if (enterprise != null) {
            checks.add(eligible(enterprise.regionCode, listing.eligibleRegions) ? Check.met(Condition.REGION)
                    : Check.unmet(Condition.REGION, ErrorCode.FORBIDDEN, MessageKey.REGISTRATION_REGION_NOT_ELIGIBLE,
                            String.join(", ", listing.eligibleRegions), enterprise.regionCode));
            checks.add(enterprise.barredUntil != null && enterprise.barredUntil.isAfter(now)
                    ? Check.unmet(Condition.NOT_BARRED, ErrorCode.FORBIDDEN, MessageKey.REGISTRATION_BARRED,
                            at.apply(enterprise.barredUntil))
                    : Check.met(Condition.NOT_BARRED));
        }
        checks.add(listing.status == ListingStatus.ANNOUNCED || listing.status == ListingStatus.LISTING
                ? Check.met(Condition.LISTING_OPEN)
                : Check.unmet(Condition.LISTING_OPEN, ErrorCode.INVALID_STATE, MessageKey.REGISTRATION_LISTING_NOT_OPEN,
                        listing.status));
        checks.add(now.isAfter(listing.registrationDeadline)
                ? Check.unmet(Condition.BEFORE_DEADLINE, ErrorCode.INVALID_STATE, MessageKey.REGISTRATION_DEADLINE_PASSED,
                        at.apply(listing.registrationDeadline))
                : Check.met(Condition.BEFORE_DEADLINE));
        if (enterprise != null) {
            checks.add(registered ? Check.unmet(Condition.NOT_REGISTERED, ErrorCode.CONFLICT,
                    MessageKey.REGISTRATION_ALREADY_REGISTERED) : Check.met(Condition.NOT_REGISTERED));
        }
        return checks;
    }

    static boolean eligible(String regionCode, List<String> eligibleRegions) {
        return eligibleRegions == null || eligibleRegions.isEmpty()
                || eligibleRegions.stream().anyMatch(prefix -> regionCode != null && regionCode.startsWith(prefix));
    }
}
