package cn.landmarket.bank;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Queries over bank notices. */
@ApplicationScoped
public class BankNoticeRepository implements PanacheRepositoryBase<BankNotice, String> {

    /**
     * Holds a transaction-scoped lock on one bank transaction id until commit, so that concurrent
     * deliveries of the same notice run one after the other and the later one finds the first.
     */
    public void lockTransactionId(String transactionId) {
        advisoryLock(transactionId);
    }

    /**
     * Holds a transaction-scoped lock on one booking second of an account until commit, so that a
     * notice from the feed and one typed in by an operator of the same booking, arriving together
     * under different transaction ids, are compared one after the other.
     */
    public void lockBooking(NoticeKind kind, String account, Instant second) {
        advisoryLock("booking:" + kind + ":" + account + ":" + second.getEpochSecond());
    }

    /**
     * The notices of one kind and account booked within [from, to) that took effect (neither
     * duplicates nor held mismatches), in the order they were received.
     */
    public List<BankNotice> countedBookings(NoticeKind kind, String account, Instant from, Instant to) {
        return list("kind = ?1 and account = ?2 and bookedAt >= ?3 and bookedAt < ?4 and outcome not in ?5",
                Sort.by("receivedAt").and("transactionId"), kind, account, from, to,
                List.of(NoticeOutcome.DUPLICATE, NoticeOutcome.MISMATCH));
    }

    /** Notices held as mismatches for an operator, oldest first. */
    public PanacheQuery<BankNotice> mismatches() {
        return find("outcome", Sort.by("receivedAt").and("transactionId"), NoticeOutcome.MISMATCH);
    }

    private void advisoryLock(String key) {
        getEntityManager().createNativeQuery(
                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:id, 0))) locked")
                .setParameter("id", key).getSingleResult();
    }
}
