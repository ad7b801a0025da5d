package cn.landmarket.bank;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Queries over notices typed in by operators. */
@ApplicationScoped
public class ManualNoticeRepository implements PanacheRepositoryBase<ManualNotice, Long> {

    /** Takes the next id from manual_notice_seq (its numbers step by 50; gaps are harmless). */
    public long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('manual_notice_seq')")
                .getSingleResult()).longValue();
    }

    public Optional<ManualNotice> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The entry of a transaction id that is waiting for approval, if any (there is at most one). */
    public Optional<ManualNotice> pending(String transactionId) {
        return find("transactionId = ?1 and status = ?2", transactionId, ManualNoticeStatus.PENDING_APPROVAL)
                .firstResultOptional();
    }

    /** Entries in one status, oldest entered first. */
    public PanacheQuery<ManualNotice> inStatus(ManualNoticeStatus status) {
        return find("status", Sort.by("enteredAt").and("id"), status);
    }
}
