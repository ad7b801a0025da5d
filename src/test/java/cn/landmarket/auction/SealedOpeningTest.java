package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.landmarket.auction.SealedOpening.Quotation;
import cn.landmarket.auction.SealedOpening.Result;

class SealedOpeningTest {

    private static final long START = 2_000_000_000L;

    @Test
    void theHighestValidQuotationWins() {
        SealedOpening.Opening o = SealedOpening.open(List.of(new Quotation(1, "A", 2_100_000_000L),
                new Quotation(2, "B", 2_300_000_000L), new Quotation(3, "C", 2_200_000_000L)), START, null);
        assertEquals(Result.SOLD, o.result());
        assertEquals("B", o.winner().orElseThrow().bidderNo());
        assertEquals(2_300_000_000L, o.winner().orElseThrow().amountFen());
    }

    @Test
    void ofEqualAmountsTheEarlierCommitmentWinsWhateverTheOrderGiven() {
        SealedOpening.Opening o = SealedOpening.open(List.of(new Quotation(3, "C", 2_300_000_000L),
                new Quotation(2, "B", 2_300_000_000L), new Quotation(1, "A", 2_100_000_000L)), START, null);
        assertEquals(2, o.winner().orElseThrow().sequence());
        assertEquals(List.of(1, 2, 3), o.quotations().stream().map(SealedOpening.Judged::sequence).toList());
    }

    @Test
    void anUnrevealedQuotationIsInvalidAndCannotWinHoweverItWasMeant() {
        SealedOpening.Opening o = SealedOpening.open(List.of(new Quotation(1, "A", null),
                new Quotation(2, "B", 2_000_000_000L)), START, null);
        assertEquals(QuotationValidity.NOT_REVEALED, o.quotations().get(0).validity());
        assertEquals("B", o.winner().orElseThrow().bidderNo());
    }

    @Test
    void aQuotationBelowTheStartPriceIsInvalidAndTheStartPriceItselfIsValid() {
        assertEquals(QuotationValidity.BELOW_START, SealedOpening.validity(START - 1, START));
        assertEquals(QuotationValidity.VALID, SealedOpening.validity(START, START));
        SealedOpening.Opening o = SealedOpening.open(List.of(new Quotation(1, "A", START - 1)), START, null);
        assertEquals(Result.NO_VALID_QUOTATION, o.result());
        assertTrue(o.best().isEmpty());
    }

    @Test
    void theBestBelowTheReserveIsNoSaleAndAtTheReserveIsASale() {
        List<Quotation> q = List.of(new Quotation(1, "A", 2_199_999_999L), new Quotation(2, "B", 2_100_000_000L));
        SealedOpening.Opening below = SealedOpening.open(q, START, 2_200_000_000L);
        assertEquals(Result.BELOW_RESERVE, below.result());
        assertEquals("A", below.best().orElseThrow().bidderNo());
        assertTrue(below.winner().isEmpty());
        assertEquals(Result.SOLD, SealedOpening.open(q, START, 2_199_999_999L).result());
    }

    @Test
    void noQuotationAtAllIsNoValidQuotation() {
        SealedOpening.Opening o = SealedOpening.open(List.of(), START, null);
        assertEquals(Result.NO_VALID_QUOTATION, o.result());
        assertTrue(o.winner().isEmpty());
    }
}
