package cn.landmarket.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which region's regulator may read a ledger account is decided by what the account belongs to. */
class OwnerTest {

    @Test
    void accountsOfRegistrationsTradesRefundsAndCertificatesBelongToThem() {
        assertEquals(Optional.of(new Owner(Owner.Kind.REGISTRATION, 1000)), Owner.ofAccount("DEPOSIT:1000"));
        assertEquals(Optional.of(new Owner(Owner.Kind.TRADE, 7)), Owner.ofAccount("TRADE:7"));
        assertEquals(Optional.of(new Owner(Owner.Kind.TRADE, 7)), Owner.ofAccount("PROCEEDS:7:FARMERS"));
        assertEquals(Optional.of(new Owner(Owner.Kind.REFUND, 51)), Owner.ofAccount("REFUND:51"));
        assertEquals(Optional.of(new Owner(Owner.Kind.CERTIFICATE, 102)), Owner.ofAccount("CERT:102:AREA_M2"));
        assertEquals(Optional.of(new Owner(Owner.Kind.CERTIFICATE, 102)), Owner.ofAccount("CERT:102:FROZEN:GRAIN_KG"));
    }

    @Test
    void thePlatformsOwnAccountsAndMalformedNamesBelongToNoRegion() {
        for (String marketWide : new String[] {"BANK", "SUSPENSE", "FORFEITED", "QUOTA:ISSUED:AREA_M2", "DEPOSIT:",
                "DEPOSIT:12:x", "PROCEEDS:7", "CERT:102", "TRADE:abc", "DEPOSIT:1234567890123456789", "deposit:1", ""}) {
            assertEquals(Optional.empty(), Owner.ofAccount(marketWide), marketWide);
        }
        assertEquals(Optional.empty(), Owner.ofAccount(null));
    }
}
