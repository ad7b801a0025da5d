package cn.landmarket.testing;

import static io.restassured.RestAssured.given;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;

import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Brings listings into bidding and bidders into it, for auction tests. */
public final class Auctions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Auctions() {
    }

    /**
     * A listing of 10,000 m² on a fresh certificate of township A, drafted now (start 20,000,000.00,
     * increment 200,000.00, cap 30,000,000.00, reserve 22,000,000.00, countdown 300 s), approved and
     * moved into LISTING by advancing the test clock 22 days.
     */
    public static long listingInBidding(TestClock clock, ListingService listings, Map<String, Object> overrides) {
        String township = Tokens.township(TestData.TOWNSHIP_A);
        String regulator = Tokens.regulator(TestData.CITY_REGULATOR);
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> body = Fixtures.listing(cert, 10_000, clock.instant());
        body.putAll(overrides);
        long id = Fixtures.draft(TestData.TOWNSHIP_A, body);
        Fixtures.act(township, id, "submit", 200);
        Fixtures.act(regulator, id, "approve", 200);
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        return id;
    }

    /** A verified enterprise with a qualified registration (deposit counted) on the listing; returns its credit code. */
    public static String qualifiedBidder(TestData data, long listingId, String serial9) {
        String code = data.enterprise(serial9, EnterpriseStatus.VERIFIED);
        String bidderNo = bidderNo();
        data.execute("insert into registration (id, listing_id, enterprise_code, virtual_account, deposit_fen, "
                + "deposit_deadline, deposit_received_fen, status, bidder_no, qualified_at, registered_at) values "
                + "(nextval('registration_seq'), " + listingId + ", '" + code + "', 'T" + listingId + "-" + serial9
                + "', 400000000, now(), 400000000, 'QUALIFIED', '" + bidderNo + "', now(), now())");
        return code;
    }

    private static String bidderNo() {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Places a bid as the enterprise with the given idempotency key. */
    public static Response bid(String enterprise, long listingId, String amount, String key) {
        return given().auth().oauth2(Tokens.enterprise(enterprise)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Map.of("amount", amount))
                .when().post("/api/listings/" + listingId + "/bids");
    }
}
