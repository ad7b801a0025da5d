package cn.landmarket.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** When a notice reports a booking already counted from the other source. */
class BookingMatchTest {

    private static final Instant AT = Instant.parse("2026-05-11T02:30:15.250Z");
    private static final String ACCOUNT = "62280000010003";
    private static final String PAYER = "6228480000000000000";

    private static BookingMatch.Booking booking(String tx, NoticeSource source, long fen, String payer, Instant at) {
        return new BookingMatch.Booking(tx, source, NoticeKind.CREDIT, ACCOUNT, fen, payer, at);
    }

    @Test
    void theFeedReportingABookingAnOperatorTypedUnderAnotherIdIsADuplicate() {
        BookingMatch.Match match = BookingMatch.decide(booking("FEED-1", NoticeSource.FEED, 100, PAYER, AT),
                List.of(booking("TYPED-1", NoticeSource.MANUAL, 100, PAYER, AT)));
        assertEquals(new BookingMatch.Match(BookingMatch.Verdict.DUPLICATE, "TYPED-1"), match);
    }

    @Test
    void anOperatorTypingABookingTheFeedCountedIsADuplicateEvenWithoutTheFractionOfTheSecond() {
        BookingMatch.Match match = BookingMatch.decide(
                booking("TYPED-1", NoticeSource.MANUAL, 100, PAYER, Instant.parse("2026-05-11T02:30:15Z")),
                List.of(booking("FEED-1", NoticeSource.FEED, 100, PAYER, AT)));
        assertEquals(new BookingMatch.Match(BookingMatch.Verdict.DUPLICATE, "FEED-1"), match);
    }

    @Test
    void theSameAccountAndSecondWithAnotherAmountOrPayerIsAMismatch() {
        List<BookingMatch.Booking> counted = List.of(booking("FEED-1", NoticeSource.FEED, 100, PAYER, AT));
        assertEquals(new BookingMatch.Match(BookingMatch.Verdict.MISMATCH, "FEED-1"),
                BookingMatch.decide(booking("TYPED-1", NoticeSource.MANUAL, 1_000, PAYER, AT), counted));
        assertEquals(new BookingMatch.Match(BookingMatch.Verdict.MISMATCH, "FEED-1"),
                BookingMatch.decide(booking("TYPED-2", NoticeSource.MANUAL, 100, "6217000000000000001", AT), counted));
    }

    @Test
    void aDuplicateWinsOverAMismatchAmongSeveralCountedNotices() {
        List<BookingMatch.Booking> counted = List.of(booking("FEED-1", NoticeSource.FEED, 50, PAYER, AT),
                booking("FEED-2", NoticeSource.FEED, 100, PAYER, AT));
        assertEquals(new BookingMatch.Match(BookingMatch.Verdict.DUPLICATE, "FEED-2"),
                BookingMatch.decide(booking("TYPED-1", NoticeSource.MANUAL, 100, PAYER, AT), counted));
    }

    @Test
    void twoFeedNoticesAlikeInEveryFactAreTwoBookings() {
        assertEquals(BookingMatch.Verdict.NEW, BookingMatch.decide(booking("FEED-2", NoticeSource.FEED, 100, PAYER, AT),
                List.of(booking("FEED-1", NoticeSource.FEED, 100, PAYER, AT))).verdict());
    }

    @Test
    void twoOperatorEntriesOfOneBookingUnderDifferentIdsCountOnce() {
        assertEquals(BookingMatch.Verdict.DUPLICATE, BookingMatch.decide(
                booking("TYPED-2", NoticeSource.MANUAL, 100, PAYER, AT),
                List.of(booking("TYPED-1", NoticeSource.MANUAL, 100, PAYER, AT))).verdict());
    }

    @Test
    void anotherSecondAnotherAccountOrAnotherKindIsAnotherBooking() {
        BookingMatch.Booking typed = booking("TYPED-1", NoticeSource.MANUAL, 100, PAYER, AT);
        assertEquals(BookingMatch.Verdict.NEW, BookingMatch.decide(typed,
                List.of(booking("FEED-1", NoticeSource.FEED, 100, PAYER, AT.plusSeconds(1)))).verdict());
        assertEquals(BookingMatch.Verdict.NEW, BookingMatch.decide(typed, List.of(new BookingMatch.Booking("FEED-2",
                NoticeSource.FEED, NoticeKind.CREDIT, "62280000010004", 100, PAYER, AT))).verdict());
        assertEquals(BookingMatch.Verdict.NEW, BookingMatch.decide(typed, List.of(new BookingMatch.Booking("FEED-3",
                NoticeSource.FEED, NoticeKind.DEBIT, ACCOUNT, 100, PAYER, AT))).verdict());
        assertEquals(BookingMatch.Verdict.NEW, BookingMatch.decide(typed, List.of()).verdict());
    }
}
