package cn.landmarket.listing;

/**
 * What happens when an accepted bid reaches a listing's price cap, chosen by its township at
 * drafting and shown to everyone (domain.md, "Sale formats"): the sale ends at the cap, or a
 * lottery round opens among the qualified bidders who accept the cap price.
 */
public enum CapAction {
    /** The bid at the cap wins and the sale ends (domain.md, "Bidding", rule 5); the default. */
    END_SALE,
    /** Bidding stops and a lottery round among the bidders who accept the cap price decides the buyer. */
    LOTTERY;

    /** The action a request names, {@link #END_SALE} when it names none. */
    public static CapAction orDefault(CapAction action) {
        return action == null ? END_SALE : action;
    }
}
