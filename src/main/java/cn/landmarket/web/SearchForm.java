package cn.landmarket.web;

import java.util.ArrayList;
import java.util.List;

import cn.landmarket.asset.AssetType;
import cn.landmarket.listing.ListingOrder;
import cn.landmarket.listing.ListingSearch;
import cn.landmarket.listing.ListingStatus;

/**
 * The announcement search form as typed: blank fields mean "any", and a field that cannot be read
 * is named back to the reader instead of failing the page. Reads into the API's {@link ListingSearch}.
 */
public record SearchForm(String assetType, String region, String status, String q, String minAreaM2,
        String maxAreaM2, String minStartPrice, String maxStartPrice, String sort, int page) {

    /** Whole numbers up to this many digits (larger ones cannot be a real area or price). */
    private static final int MAX_DIGITS = 12;

    public static SearchForm of(String assetType, String region, String status, String q, String minAreaM2,
            String maxAreaM2, String minStartPrice, String maxStartPrice, String sort, String page) {
        int p = 0;
        if (page != null && page.matches("\\d{1,5}")) {
            p = Integer.parseInt(page);
        }
        return new SearchForm(trim(assetType), trim(region), trim(status), trim(q), trim(minAreaM2), trim(maxAreaM2),
                trim(minStartPrice), trim(maxStartPrice), trim(sort), p);
    }

    /** The fields that could not be read, by form field name; empty when the form is good. */
    public List<String> invalidFields() {
        List<String> invalid = new ArrayList<>();
        if (assetType != null && parse(AssetType.class, assetType) == null) {
            invalid.add("assetType");
        }
        if (region != null && !region.matches("\\d{2,12}")) {
            invalid.add("region");
        }
        if (status != null && parse(ListingStatus.class, status) == null) {
            invalid.add("status");
        }
        if (q != null && q.length() > 100) {
            invalid.add("q");
        }
        for (String[] number : new String[][] {{"minAreaM2", minAreaM2}, {"maxAreaM2", maxAreaM2},
                {"minStartPrice", minStartPrice}, {"maxStartPrice", maxStartPrice}}) {
            if (number[1] != null && !number[1].matches("\\d{1," + MAX_DIGITS + "}")) {
                invalid.add(number[0]);
            }
        }
        if (sort != null && parse(ListingOrder.class, sort) == null) {
            invalid.add("sort");
        }
        return invalid;
    }

    /** The search, with every unreadable field left out. */
    public ListingSearch toSearch() {
        List<String> invalid = invalidFields();
        return new ListingSearch(
                invalid.contains("assetType") ? null : parse(AssetType.class, assetType),
                invalid.contains("region") ? null : region,
                invalid.contains("status") ? null : parse(ListingStatus.class, status),
                invalid.contains("q") ? null : q,
                number(invalid, "minAreaM2", minAreaM2), number(invalid, "maxAreaM2", maxAreaM2),
                number(invalid, "minStartPrice", minStartPrice), number(invalid, "maxStartPrice", maxStartPrice),
                invalid.contains("sort") ? null : parse(ListingOrder.class, sort));
    }

    private static Long number(List<String> invalid, String field, String value) {
        return value == null || invalid.contains(field) ? null : Long.valueOf(value);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
