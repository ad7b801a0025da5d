package cn.landmarket.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.landmarket.oversight.CollusionRules.Group;
import cn.landmarket.oversight.CollusionRules.Sale;
import cn.landmarket.oversight.CollusionRules.Share;

class CollusionRulesTest {

    private record Payment(String bidder, String account) {
    }

    @Test
    void aValueSharedByTwoPartiesIsAGroupWithAllItsItems() {
        List<Group<Payment>> groups = CollusionRules.shared(List.of(new Payment("A", "111"), new Payment("B", "222"),
                new Payment("C", "111"), new Payment("A", "111")), p -> p.account(), Payment::bidder);
        assertEquals(1, groups.size());
        assertEquals("111", groups.get(0).value());
        assertEquals(List.of(new Payment("A", "111"), new Payment("C", "111"), new Payment("A", "111")),
                groups.get(0).items());
    }

    @Test
    void aValueUsedOnlyByOnePartyIsNoSignal() {
        assertEquals(List.of(), CollusionRules.shared(List.of(new Payment("A", "111"), new Payment("A", "111"),
                new Payment("B", "222")), Payment::account, Payment::bidder));
    }

    @Test
    void missingValuesAreNeverShared() {
        assertEquals(List.of(), CollusionRules.shared(List.of(new Payment("A", null), new Payment("B", null),
                new Payment("C", ""), new Payment("D", "")), Payment::account, Payment::bidder));
    }

    @Test
    void accountsPhonesAndNamesAreComparedNormalised() {
        assertEquals("622848001234", CollusionRules.account(" 6228 4800-1234 "));
        assertEquals("13800001234", CollusionRules.phone("+86 138-0000-1234"));
        assertEquals("13800001234", CollusionRules.phone("0086 13800001234"));
        assertEquals("13800001234", CollusionRules.phone("138 0000 1234"));
        assertEquals("08162345678", CollusionRules.phone("0816-2345678"));
        assertEquals("王 五", CollusionRules.name("  王   五 "));
        List<Group<Payment>> groups = CollusionRules.shared(List.of(new Payment("A", "6228 4800 1234"),
                new Payment("B", "6228-4800-1234")), p -> CollusionRules.account(p.account()), Payment::bidder);
        assertEquals(1, groups.size());
    }

    @Test
    void eachSellersShareOfSingleBidderSalesIsCountedAndFlaggedAboveTheThreshold() {
        List<Share> shares = CollusionRules.singleBidderShares(List.of(new Sale("T1", 1, 1), new Sale("T1", 2, 1),
                new Sale("T1", 3, 2), new Sale("T2", 4, 3), new Sale("T2", 5, 2), new Sale("T2", 6, 4),
                new Sale("T3", 7, 1)), new CollusionRules.ShareThreshold(3, 50));
        assertEquals(List.of("T3", "T1", "T2"), shares.stream().map(Share::sellerCode).toList());
        Share t1 = shares.get(1);
        assertEquals(3, t1.sales());
        assertEquals(2, t1.singleBidderSales());
        assertEquals(new BigDecimal("66.67"), t1.percent());
        assertTrue(t1.flagged());
        assertEquals(List.of(1L, 2L), t1.singleBidderListings());
        Share t2 = shares.get(2);
        assertEquals(new BigDecimal("0.00"), t2.percent());
        assertFalse(t2.flagged());
        Share t3 = shares.get(0);
        assertEquals(new BigDecimal("100.00"), t3.percent());
        assertFalse(t3.flagged(), "one sale is too few to flag");
    }

    /** n sales of one seller, the first k of them with a single bidder. */
    private static List<Sale> sales(int n, int k) {
        List<Sale> sales = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            sales.add(new Sale("T", i + 1, i < k ? 1 : 2));
        }
        return sales;
    }

    private static Share share(int n, int k, int minSales, int flagPercent) {
        return CollusionRules.singleBidderShares(sales(n, k), new CollusionRules.ShareThreshold(minSales, flagPercent))
                .get(0);
    }

    @Test
    void aShareExactlyAtTheThresholdIsFlagged() {
        Share half = share(2, 1, 2, 50);
        assertEquals(new BigDecimal("50.00"), half.percent());
        assertTrue(half.flagged());
        assertFalse(share(3, 1, 2, 50).flagged(), "33.33 % is below 50 %");
    }

    @Test
    void sharesAreRoundedHalfEvenToTwoPlaces() {
        assertEquals(new BigDecimal("33.33"), share(3, 1, 1, 50).percent());
        // 1 of 32 = 3.125 % and 3 of 32 = 9.375 %: the half goes to the even hundredth
        assertEquals(new BigDecimal("3.12"), share(32, 1, 1, 50).percent());
        assertEquals(new BigDecimal("9.38"), share(32, 3, 1, 50).percent());
    }
}
