package cn.landmarket.listing;

import java.util.List;

import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.error.Message;

/**
 * What drafting a listing with some terms would meet now, found without saving anything
 * ({@link ListingService#preview}): every rule the terms break (the field errors of the 400
 * {@link ListingService#draft} would answer), why the lot could not be frozen (the 409's detail, or
 * null), and the dates the rules derive from the schedule.
 */
public record ListingPreview(List<FieldViolation> violations, Message unavailable, ListingDates dates) {

    /** Whether drafting these terms now would succeed. */
    public boolean acceptable() {
        return violations.isEmpty() && unavailable == null;
    }
}
