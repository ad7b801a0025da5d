package cn.landmarket.auction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.SealedSales;
import cn.landmarket.testing.SealedSales.Bidder;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code market.rules.sealed-unrevealed-deposit=REFUND}: a quotation not revealed in time is still
 * invalid, but its deposit is owed back as any loser's instead of being forfeited, and the opening
 * says which rule applied.
 */
@QuarkusTest
@StandardMarket
@TestProfile(SealedUnrevealedRefundTest.RefundUnrevealed.class)
class SealedUnrevealedRefundTest {

    public static class RefundUnrevealed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("market.rules.sealed-unrevealed-deposit", "REFUND");
        }
    }

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    QuotationOpener opener;

    @Inject
    SettlementSweep settlement;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aQuotationNotRevealedIsInvalidAndItsDepositIsRefundedNotForfeited() {
        long id = SealedSales.listingInQuotation(clock, listings);
        String listingNo = SealedSales.listingNo(id);
        Bidder revealing = SealedSales.qualifiedBidder(data, clock, id);
        Bidder silent = SealedSales.qualifiedBidder(data, clock, id);
        String saltR = SealedSales.salt();
        String saltS = SealedSales.salt();
        SealedSales.commit(revealing, id, SealedCommitment.of(listingNo, revealing.bidderNo(), 2_300_000_000L, saltR),
                "q-r").then().statusCode(201);
        SealedSales.commit(silent, id, SealedCommitment.of(listingNo, silent.bidderNo(), 2_500_000_000L, saltS),
                "q-s").then().statusCode(201);

        SealedSales.toRevealWindow(clock, id);
        SealedSales.reveal(revealing, id, "23000000.00", saltR).then().statusCode(200)
                .body("validity", equalTo("VALID"));
        SealedSales.pastRevealDeadline(clock, id);
        opener.openDue();
        settlement.run();

        given().auth().oauth2(SealedSales.TOWNSHIP).when().get("/api/listings/" + id).then().statusCode(200)
                .body("status", equalTo("SOLD")).body("highestBid", equalTo("23000000.00"));
        given().auth().oauth2(silent.token()).when().get("/api/listings/" + id + "/quotations").then()
                .statusCode(200).body("find { it.mine }.validity", equalTo("NOT_REVEALED"));
        String deposit = "DEPOSIT:" + silent.registrationId();
        assertEquals(0, data.count("select count(*) from Transfer t where t.debitAccount = ?1 and t.kind = "
                + "cn.landmarket.ledger.TransferKind.DEPOSIT_FORFEIT", deposit), "nothing forfeited");
        assertEquals(1, data.count("select count(*) from Transfer t where t.debitAccount = ?1 and t.kind = "
                + "cn.landmarket.ledger.TransferKind.DEPOSIT_REFUND", deposit), "the deposit is owed back");
        assertEquals(0, data.auditEntries("quotation.deposit_forfeited", id).size());
        String opening = String.join("\n", data.auditEntries("listing.sold", id));
        assertTrue(opening.contains("\"unrevealedDeposit\":\"REFUND\""), opening);
    }
}
