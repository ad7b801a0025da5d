package cn.landmarket.settlement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.ledger.LedgerService;
import cn.landmarket.ledger.TransferKind;
import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.SealedSales;
import cn.landmarket.testing.SealedSales.Bidder;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The deposits the settlement sweep looks at (deposit_open, V25; README, "Settlement"): a deposit
 * enters when money reaches it, leaves once it holds nothing available (owed back, or reserved
 * against the winner's price), and enters again when money reaches it later or a reservation is
 * cancelled, by trigger, whoever writes the transfer; one read empty just before money arrived is not
 * forgotten; and the ledger invariants name a deposit that holds money the sweep does not watch.
 */
@QuarkusTest
@StandardMarket
class OpenDepositsTest {

    private static final String REGULATOR = Tokens.regulator(TestData.CITY_REGULATOR);
    private static final String WATCHED = "every deposit that holds money is watched by the settlement sweep";

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    AuctionCloser closer;

    @Inject
    SettlementSweep sweep;

    @Inject
    SettlementService settlement;

    @Inject
    TradeRepository trades;

    @Inject
    LedgerService ledger;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The version under which the registration's deposit is watched; null when it is not. */
    private Long watched(long registrationId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select version from deposit_open where registration_id = ?")) {
            ps.setLong(1, registrationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Money reaching a deposit account as any writer of the ledger would record it. */
    private void credit(long registrationId, long fen, String id) {
        QuarkusTransaction.requiringNew().run(() -> ledger.move(id, LedgerService.BANK,
                LedgerService.deposit(registrationId), fen, TransferKind.DEPOSIT, id, null));
    }

    private List<String> unwatched() {
        return given().auth().oauth2(REGULATOR).when().get("/api/ledger/invariants").then().statusCode(200)
                .extract().jsonPath().getList("checks.find { it.name == '" + WATCHED + "' }.offending", String.class);
    }

    /** A sale with a winner, a loser who bid and a bidder who never did; the sweep has run. */
    private List<Bidder> sold() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder winner = SealedSales.qualifiedBidder(data, clock, id);
        Bidder loser = SealedSales.qualifiedBidder(data, clock, id);
        Bidder silent = SealedSales.qualifiedBidder(data, clock, id);
        for (Bidder b : List.of(winner, loser, silent)) {
            assertTrue(watched(b.registrationId()) != null, "a paid deposit is watched");
        }
        Auctions.bid(loser.code(), id, "22000000.00", "l-" + id).then().statusCode(201);
        Auctions.bid(winner.code(), id, "22200000.00", "w-" + id).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        clock.advance(Duration.ofSeconds(301));
        closer.closeDue();
        sweep.run(); // opens the trade, owes back the losers' deposits
        sweep.run(); // and then forgets the deposits that hold nothing
        return List.of(winner, loser, silent);
    }

    @Test
    void aDepositIsWatchedWhileItHoldsMoneyAndAgainWhenMoneyReachesItLater() {
        List<Bidder> bidders = sold();
        Bidder winner = bidders.get(0);
        Bidder loser = bidders.get(1);
        Bidder silent = bidders.get(2);
        for (Bidder b : bidders) {
            assertEquals(0, ledger.available(LedgerService.deposit(b.registrationId())),
                    "owed back or reserved against the price");
            assertEquals(null, watched(b.registrationId()), "no longer looked at: " + b);
        }

        credit(loser.registrationId(), 12_345, "late-" + loser.registrationId());
        assertTrue(watched(loser.registrationId()) != null, "money arrived: watched again");
        assertTrue(settlement.depositsToRelease().contains(loser.registrationId()));
        sweep.run();
        assertEquals(0, ledger.available(LedgerService.deposit(loser.registrationId())), "owed back too");
        assertEquals(null, watched(loser.registrationId()));
        assertEquals(null, watched(silent.registrationId()));
        List<String> unwatched = unwatched();
        for (Bidder b : bidders) {
            assertFalse(unwatched.contains(String.valueOf(b.registrationId())), unwatched.toString());
        }
        assertEquals(null, watched(winner.registrationId()), "the winner's deposit stays reserved");
    }

    @Test
    void aDepositReadEmptyIsNotForgottenWhenMoneyReachesItBeforeTheSweepForgetsIt() {
        Bidder loser = sold().get(1);
        long rid = loser.registrationId();
        credit(rid, 500, "first-" + rid);
        long version = watched(rid);
        settlement.releaseDeposit(rid); // owed back: empty, still watched
        assertEquals(0, ledger.available(LedgerService.deposit(rid)));
        List<TradeRepository.EmptyDeposit> read = QuarkusTransaction.requiringNew().call(trades::emptyDeposits)
                .stream().filter(d -> d.registrationId() == rid).toList();
        assertEquals(List.of(new TradeRepository.EmptyDeposit(rid, version)), read, "read empty");

        credit(rid, 900, "meanwhile-" + rid); // after the read, before the forgetting
        assertEquals(0, (int) QuarkusTransaction.requiringNew().call(() -> trades.forget(read)),
                "read before the money arrived: kept");
        assertEquals(version + 1, watched(rid));
        assertTrue(settlement.depositsToRelease().contains(rid));
        sweep.run();
        assertEquals(0, ledger.available(LedgerService.deposit(rid)), "the 900 owed back too");
        assertEquals(null, watched(rid), "and forgotten, read at its latest version");
    }

    @Test
    void theInvariantsNameADepositThatHoldsMoneyTheSweepDoesNotWatch() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder b = SealedSales.qualifiedBidder(data, clock, id);
        assertFalse(unwatched().contains(String.valueOf(b.registrationId())));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from deposit_open where registration_id = ?")) {
            ps.setLong(1, b.registrationId());
            assertEquals(1, ps.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(unwatched().contains(String.valueOf(b.registrationId())), unwatched().toString());
        credit(b.registrationId(), 1, "touch-" + b.registrationId());
        assertFalse(unwatched().contains(String.valueOf(b.registrationId())), "watched again once touched");
    }
}
