package cn.landmarket.listing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One status change of a listing: from what, to what, when, by whom and why. */
@Entity
@Table(name = "listing_history")
public class ListingHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "listing_history_seq")
    @SequenceGenerator(name = "listing_history_seq", sequenceName = "listing_history_seq", allocationSize = 50)
    public Long id;

    @Column(name = "listing_id")
    public long listingId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ListingStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ListingStatus toStatus;

    public Instant at;

    public String actor;

    public String reason;

    public static ListingHistory of(long listingId, ListingStatus from, ListingStatus to, Instant at, String actor,
            String reason) {
        ListingHistory h = new ListingHistory();
        h.listingId = listingId;
        h.fromStatus = from;
        h.toStatus = to;
        h.at = at;
        h.actor = actor;
        h.reason = reason;
        return h;
    }
}
