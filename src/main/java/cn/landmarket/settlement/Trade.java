package cn.landmarket.settlement;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.landmarket.asset.Quantity;

/**
 * The sale of one listing's lot to its winning bidder: price, deposit credited, what has been paid,
 * the confirmation both sides sign and the deadlines. The money itself is in the ledger. The id is
 * taken from trade_seq before the row is built, because the trade's virtual account is made from it.
 */
@Entity
@Table(name = "trade")
public class Trade {

    @Id
    public Long id;

    @Column(name = "listing_id")
    public long listingId;

    @Column(name = "registration_id")
    public long registrationId;

    @Column(name = "seller_code")
    public String sellerCode;

    @Column(name = "buyer_code")
    public String buyerCode;

    @Column(name = "certificate_id")
    public long certificateId;

    @Column(name = "lot_area_m2")
    public long lotAreaM2;

    @Column(name = "lot_paddy_area_m2")
    public Long lotPaddyAreaM2;

    @Column(name = "lot_grain_capacity_kg")
    public Long lotGrainCapacityKg;

    @Column(name = "price_fen")
    public long priceFen;

    @Column(name = "deposit_fen")
    public long depositFen;

    @Column(name = "paid_fen")
    public long paidFen;

    @Column(name = "virtual_account")
    public String virtualAccount;

    @Column(name = "confirmation_text")
    public String confirmationText;

    @Column(name = "confirmation_sha256")
    public String confirmationSha256;

    @Column(name = "confirm_deadline")
    public Instant confirmDeadline;

    @Column(name = "seller_confirmed_at")
    public Instant sellerConfirmedAt;

    @Column(name = "buyer_confirmed_at")
    public Instant buyerConfirmedAt;

    @Column(name = "first_due_fen")
    public Long firstDueFen;

    @Column(name = "first_due_at")
    public Instant firstDueAt;

    @Column(name = "balance_due_at")
    public Instant balanceDueAt;

    @Enumerated(EnumType.STRING)
    public TradeStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "child_certificate_id")
    public Long childCertificateId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "settled_at")
    public Instant settledAt;

    @Column(name = "defaulted_at")
    public Instant defaultedAt;

    @Version
    public long version;

    public Quantity lot() {
        return new Quantity(lotAreaM2, lotPaddyAreaM2, lotGrainCapacityKg);
    }

    /** What the buyer still owes: price less deposit credited and payments received. */
    public long outstandingFen() {
        return priceFen - depositFen - paidFen;
    }

    public boolean confirmedByBoth() {
        return sellerConfirmedAt != null && buyerConfirmedAt != null;
    }

    public boolean acceptsPayment() {
        return status == TradeStatus.AWAITING_CONFIRMATION || status == TradeStatus.AWAITING_PAYMENT;
    }
}
