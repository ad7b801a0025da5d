package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Many bidders press the button at once on one listing; afterwards the database must show a
 * gap-free sequence of strictly increasing bids, every acknowledged receipt unchanged, retries
 * placed once, and one winner.
 */
@QuarkusTest
@StandardMarket
class BiddingSwarmTest {

    private static final long INCREMENT_FEN = 100_000;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    AuctionCloser closer;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** One acknowledged bid as the client saw it. */
    record Ack(long bidId, long amountFen, int sequence, String acceptedAt) {
    }

    @Test
    void aSwarmOfBiddersLeavesStrictlyIncreasingBidsAndLosesNoAcknowledgedBid() throws Exception {
        Map<String, Object> terms = new HashMap<>();
        terms.put("priceCap", null);
        terms.put("reservePrice", null);
        terms.put("increment", "1000.00");
        long id = Auctions.listingInBidding(clock, listings, terms);
        int bidders = 32;
        int rounds = 15;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < bidders; i++) {
            codes.add(Auctions.qualifiedBidder(data, id, "MAW%06d".formatted(id % 10_000 * 100 + i)));
        }
        AtomicLong highestSeen = new AtomicLong(20_000_000_00L - INCREMENT_FEN);
        Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
        AtomicLong replays = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(bidders);
        List<Callable<Void>> swarm = new ArrayList<>();
        for (int b = 0; b < bidders; b++) {
            String code = codes.get(b);
            Random random = new Random(b);
            swarm.add(() -> {
                for (int r = 0; r < rounds; r++) {
                    long amount = highestSeen.get() + INCREMENT_FEN * (1 + random.nextInt(3));
                    String key = UUID.randomUUID().toString();
                    String yuan = amount / 100 + "." + "%02d".formatted(amount % 100);
                    Response response = Auctions.bid(code, id, yuan, key);
                    if (response.statusCode() == 201) {
                        Ack ack = new Ack(response.jsonPath().getLong("bidId"), amount,
                                response.jsonPath().getInt("sequence"), response.jsonPath().getString("acceptedAt"));
                        acknowledged.put(key, ack);
                        highestSeen.accumulateAndGet(amount, Math::max);
                        if (r % 5 == 0) {
                            Response again = Auctions.bid(code, id, yuan, key);
                            assertEquals(200, again.statusCode());
                            assertEquals(ack.bidId(), again.jsonPath().getLong("bidId"));
                            replays.incrementAndGet();
                        }
                    } else {
                        assertEquals(409, response.statusCode(), response.asString());
                        String minimum = response.jsonPath().getString("minimumAmount");
                        if (minimum != null) {
                            highestSeen.accumulateAndGet(parseFen(minimum) - INCREMENT_FEN, Math::max);
                        }
                    }
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(swarm)) {
            f.get();
        }
        pool.shutdown();

        List<long[]> stored = new ArrayList<>();
        Map<Long, String> acceptedAt = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, seq, amount_fen, accepted_at from bid where listing_id = " + id
                        + " order by seq")) {
            while (rs.next()) {
                stored.add(new long[] {rs.getLong(1), rs.getInt(2), rs.getLong(3)});
                acceptedAt.put(rs.getLong(1), rs.getTimestamp(4).toInstant().toString());
            }
        }
        assertEquals(acknowledged.size(), stored.size(), "every stored bid was acknowledged once, and vice versa");
        assertTrue(stored.size() > bidders, "the swarm placed bids: " + stored.size());
        assertTrue(replays.get() > 0);
        for (int i = 0; i < stored.size(); i++) {
            assertEquals(i + 1, stored.get(i)[1], "sequence has no gap");
            if (i > 0) {
                assertTrue(stored.get(i)[2] >= stored.get(i - 1)[2] + INCREMENT_FEN,
                        "bid " + (i + 1) + " beats the previous by at least the increment");
            }
        }
        Map<Long, long[]> byId = new HashMap<>();
        stored.forEach(row -> byId.put(row[0], row));
        for (Ack ack : acknowledged.values()) {
            long[] row = byId.get(ack.bidId());
            assertEquals(ack.amountFen(), row[2], "acknowledged amount unchanged");
            assertEquals(ack.sequence(), row[1], "acknowledged sequence unchanged");
            assertEquals(java.time.OffsetDateTime.parse(ack.acceptedAt()).toInstant().toString(),
                    acceptedAt.get(ack.bidId()), "acknowledged time unchanged");
        }

        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        clock.advance(Duration.ofSeconds(301));
        closer.closeDue();
        long top = stored.get(stored.size() - 1)[0];
        assertEquals(1, data.count("select count(l) from Listing l where l.id = ?1 and l.status = ?2 and l.winningBidId = ?3",
                id, cn.landmarket.listing.ListingStatus.SOLD, top));
    }

    private static long parseFen(String yuan) {
        return cn.landmarket.common.Money.ofYuan(yuan).fen();
    }
}
