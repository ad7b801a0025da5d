package cn.landmarket.auction;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An enterprise's registration (报名) for one listing: its own virtual account for the deposit,
 * what has arrived, and its bidder number once qualified. The id is taken from registration_seq
 * before the row is built ({@link RegistrationRepository#nextId()}), because the virtual account
 * number is made from it; never add a generator here.
 */
@Entity
@Table(name = "registration")
public class Registration {

    @Id
    public Long id;

    @Column(name = "listing_id")
    public long listingId;

    @Column(name = "enterprise_code")
    public String enterpriseCode;

    @Column(name = "virtual_account")
    public String virtualAccount;

    @Column(name = "deposit_fen")
    public long depositFen;

    /** The listing's registration deadline; follows it when a suspension moves it. */
    @Column(name = "deposit_deadline")
    public Instant depositDeadline;

    @Column(name = "deposit_received_fen")
    public long depositReceivedFen;

    @Enumerated(EnumType.STRING)
    public RegistrationStatus status;

    @Column(name = "bidder_no")
    public String bidderNo;

    @Column(name = "qualified_at")
    public Instant qualifiedAt;

    @Column(name = "registered_at")
    public Instant registeredAt;

    /** The network address the registration came from, as the HTTP layer saw it. */
    @Column(name = "client_address")
    public String clientAddress;
}
