package cn.landmarket.auction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Queries over registrations. */
@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, Long> {

    /** Takes the next registration id from registration_seq (its numbers step by 50; gaps are harmless). */
    public long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('registration_seq')")
                .getSingleResult()).longValue();
    }

    public Optional<Registration> of(long listingId, String enterpriseCode) {
        return find("listingId = ?1 and enterpriseCode = ?2", listingId, enterpriseCode).firstResultOptional();
    }

    /** An enterprise's registrations, newest first. */
    public List<Registration> ofEnterprise(String enterpriseCode) {
        return list("enterpriseCode", Sort.by("registeredAt").descending().and("id").descending(), enterpriseCode);
    }

    /** A listing's registrations in the order they came. */
    public List<Registration> ofListing(long listingId) {
        return list("listingId", Sort.by("registeredAt").and("id"), listingId);
    }

    /** The listing a virtual account belongs to, read without loading (or locking) the registration. */
    public Optional<Long> listingOfAccount(String virtualAccount) {
        return getEntityManager()
                .createQuery("select r.listingId from Registration r where r.virtualAccount = :account", Long.class)
                .setParameter("account", virtualAccount).getResultStream().findFirst();
    }

    /** Loads and locks the registration of a virtual account; lock its listing first. */
    public Optional<Registration> lockByAccount(String virtualAccount) {
        return find("virtualAccount", virtualAccount).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public boolean bidderNoTaken(long listingId, String bidderNo) {
        return count("listingId = ?1 and bidderNo = ?2", listingId, bidderNo) > 0;
    }

    /** Moves the deposit deadline of every registration of a listing. */
    public int moveDeadline(long listingId, Instant deadline) {
        return update("depositDeadline = ?1 where listingId = ?2", deadline, listingId);
    }
}
