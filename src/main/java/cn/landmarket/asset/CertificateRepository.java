package cn.landmarket.asset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** Queries over certificates. */
@ApplicationScoped
public class CertificateRepository implements PanacheRepository<Certificate> {

    /** Locks the certificate row so that concurrent freezes of the same certificate serialise. */
    public Optional<Certificate> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks the certificates in one statement, in the order of their ids (as every batch that locks
     * several takes them), and returns them by id.
     */
    public Map<Long, Certificate> lockAll(Collection<Long> ids) {
        Map<Long, Certificate> locked = new java.util.HashMap<>();
        find("id in ?1", Sort.by("id"), new java.util.TreeSet<>(ids)).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(c -> locked.put(c.id, c));
        return locked;
    }

    /**
     * Certificates visible under a filter: by holder (exact) and/or by region prefix, optionally one
     * asset type, newest first.
     */
    public PanacheQuery<Certificate> search(HolderKind holderKind, String holderCode, String regionPrefix,
            AssetType type) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (holderCode != null) {
            where.add("holderKind = :holderKind and holderCode = :holderCode");
            params.put("holderKind", holderKind);
            params.put("holderCode", holderCode);
        }
        if (regionPrefix != null) {
            where.add("regionCode like :region");
            params.put("region", regionPrefix + "%");
        }
        if (type != null) {
            where.add("assetType = :type");
            params.put("type", type);
        }
        Sort newestFirst = Sort.descending("issuedAt").and("id", Sort.Direction.Descending);
        return where.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", where), newestFirst, params);
    }

    public List<Certificate> children(long parentId) {
        return list("parentId", Sort.by("id"), parentId);
    }
}
