package cn.landmarket.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Collusion signs of domain.md "Audit" that come down to one value shared by different bidders
 * (a payer account, a contact person, phone or legal representative, a client address), and each
 * seller's share of sales with a single bidder.
 */
public final class CollusionRules {

    private CollusionRules() {
    }

    /** Items that share one (normalised) value and belong to at least two different parties. */
    public record Group<T>(String value, List<T> items) {
    }

    /**
     * Groups items by their normalised value and keeps the groups whose items belong to two or more
     * different parties. Items without a value are ignored. Groups come in order of their first item.
     *
     * @param value the value that may be shared, already normalised (null or empty: none)
     * @param party who an item belongs to (a registration, an enterprise)
     */
    public static <T> List<Group<T>> shared(List<T> items, Function<T, String> value, Function<T, ?> party) {
        Map<String, List<T>> byValue = new LinkedHashMap<>();
        for (T item : items) {
            String v = value.apply(item);
            if (v != null && !v.isEmpty()) {
                byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(item);
            }
        }
        List<Group<T>> groups = new ArrayList<>();
        for (Map.Entry<String, List<T>> e : byValue.entrySet()) {
            Set<Object> parties = new LinkedHashSet<>();
            e.getValue().forEach(item -> parties.add(party.apply(item)));
            if (parties.size() >= 2) {
                groups.add(new Group<>(e.getKey(), List.copyOf(e.getValue())));
            }
        }
        return groups;
    }

    /** A bank account number without spaces or dashes: {@code 6228 4800-1234} and {@code 62284800 1234} are one account. */
    public static String account(String number) {
        return number == null ? null : number.replaceAll("[\\s-]", "");
    }

    /** A person's name with surrounding space removed and inner runs of space made one. */
    public static String name(String name) {
        return name == null ? null : name.strip().replaceAll("\\s+", " ");
    }

    /**
     * A phone number as its digits, without a leading mainland country code: {@code +86 138-0000-1234},
     * {@code 0086 13800001234} and {@code 13800001234} are one phone.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.startsWith("0086") && digits.length() > 4) {
            return digits.substring(4);
        }
        if (digits.startsWith("86") && digits.length() == 13) {
            return digits.substring(2);
        }
        return digits;
    }

    /** A sale decided for a seller: the listing and how many different bidders bid on it. */
    public record Sale(String sellerCode, long listingId, int bidders) {
    }

    /** When a seller's single-bidder share is flagged. */
    public record ShareThreshold(int minSales, int flagPercent) {
    }

    /** One seller's sales, how many of them had a single bidder, the share in percent and whether it is flagged. */
    public record Share(String sellerCode, int sales, int singleBidderSales, BigDecimal percent, boolean flagged,
            List<Long> singleBidderListings) {
    }

    /**
     * Each seller's share of sales that had a single bidder, in percent to two places (half-even),
     * flagged when the seller has at least {@code minSales} sales and the share is at least
     * {@code flagPercent}; highest share first, then most sales, then seller code.
     */
    public static List<Share> singleBidderShares(List<Sale> sales, ShareThreshold threshold) {
        Map<String, List<Sale>> bySeller = new LinkedHashMap<>();
        for (Sale sale : sales) {
            bySeller.computeIfAbsent(sale.sellerCode(), k -> new ArrayList<>()).add(sale);
        }
        List<Share> shares = new ArrayList<>();
        for (Map.Entry<String, List<Sale>> e : bySeller.entrySet()) {
            List<Long> single = e.getValue().stream().filter(s -> s.bidders() == 1).map(Sale::listingId).sorted()
                    .toList();
            int total = e.getValue().size();
            BigDecimal percent = BigDecimal.valueOf(single.size()).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_EVEN);
            boolean flagged = total >= threshold.minSales()
                    && percent.compareTo(BigDecimal.valueOf(threshold.flagPercent())) >= 0;
            shares.add(new Share(e.getKey(), total, single.size(), percent, flagged, single));
        }
        shares.sort(Comparator.comparing(Share::percent).reversed().thenComparing(Share::sales, Comparator.reverseOrder())
                .thenComparing(Share::sellerCode));
        return shares;
    }
}
