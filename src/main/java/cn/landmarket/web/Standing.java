package cn.landmarket.web;

import java.util.Optional;

import cn.landmarket.auction.RegistrationService;
import cn.landmarket.auction.RegistrationView;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.escrow.RegistrationStatus;

/** Where the reader stands as a bidder on one listing: what the room, quotation and lottery pages offer it. */
public enum Standing {
    /** Nobody is signed in. */
    ANONYMOUS,
    /** Signed in, but not as an enterprise. */
    NOT_ENTERPRISE,
    /** An enterprise that did not register for the listing. */
    NOT_REGISTERED,
    /** Registered, the deposit has not arrived. */
    AWAITING_DEPOSIT,
    /** Qualified: may bid. */
    QUALIFIED;

    /** A reader's standing, and its bidder number once qualified (null before). */
    public record Bidder(Standing standing, String bidderNo) {
    }

    /** The reader's standing on the listing, from its own registration as the API shows it to that reader. */
    static Bidder of(Optional<Actor> viewer, long listingId, RegistrationService registrations) {
        if (viewer.isEmpty()) {
            return new Bidder(ANONYMOUS, null);
        }
        if (!viewer.get().is(Role.ENTERPRISE)) {
            return new Bidder(NOT_ENTERPRISE, null);
        }
        RegistrationView registration;
        try {
            registration = registrations.mine(viewer.get(), listingId);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return new Bidder(NOT_REGISTERED, null);
            }
            throw e;
        }
        if (registration.status() != RegistrationStatus.QUALIFIED) {
            return new Bidder(AWAITING_DEPOSIT, null);
        }
        return new Bidder(QUALIFIED, registration.bidderNo());
    }
}
