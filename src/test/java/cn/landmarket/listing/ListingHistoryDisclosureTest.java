package cn.landmarket.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.Commitment;

/** What a listing's status change shows the public log before and after the announcement. */
class ListingHistoryDisclosureTest {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    private static ListingHistory rejection(String reason) {
        return ListingHistory.of(9L, ListingStatus.PENDING_REVIEW, ListingStatus.REJECTED, AT, "regulator:510700:u",
                reason);
    }

    @Test
    void beforeTheAnnouncementTheReasonAndFurtherFactsAreOnlyCommitments() {
        AuditEntry entry = rejection("规划条件不符").auditEntry(Map.of("title", "未公告标题"), "terms", false);
        String text = new String(entry.bytes(), StandardCharsets.UTF_8);
        assertFalse(text.contains("规划条件不符") || text.contains("未公告标题"), text);
        assertNull(entry.facts().get("reason"));
        assertEquals(9L, entry.listingId());
        assertEquals("REJECTED", entry.facts().get("to"));
        List<Commitment> commitments = entry.commitments();
        assertEquals(List.of("reason", "terms"), commitments.stream().map(Commitment::field).toList());
        assertEquals("规划条件不符", commitments.get(0).value());
        assertEquals(commitments.get(0).hash(), entry.facts().get("reasonCommitment"));
        assertEquals("{\"title\":\"未公告标题\"}", commitments.get(1).value());
        assertEquals(commitments.get(1).hash(), entry.facts().get("termsCommitment"));
        assertTrue(commitments.stream().allMatch(c -> c.scope().equals(Commitment.LISTING) && c.subject().equals("9")));
    }

    @Test
    void onceAnnouncedEverythingIsInTheClear() {
        AuditEntry entry = rejection("暂停原因").auditEntry(Map.of("title", "已公告标题"), "terms", true);
        assertEquals("暂停原因", entry.facts().get("reason"));
        assertEquals("已公告标题", entry.facts().get("title"));
        assertEquals(List.of(), entry.commitments());
    }

    @Test
    void aChangeWithoutReasonOrFactsCommitsNothing() {
        AuditEntry entry = rejection(null).auditEntry(Map.of(), "details", false);
        assertEquals(List.of(), entry.commitments());
        assertFalse(entry.facts().containsKey("reasonCommitment"));
    }
}
