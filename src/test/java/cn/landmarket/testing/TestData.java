package cn.landmarket.testing;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.landmarket.party.County;
import cn.landmarket.party.CreditCode;
import cn.landmarket.party.Enterprise;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.party.Regulator;
import cn.landmarket.party.Township;

/** Puts parties straight into the test database; each call is idempotent. */
@ApplicationScoped
public class TestData {

    /** A county with two townships and a city regulator above it, used by most tests. */
    public static final String COUNTY = "510722";
    public static final String TOWNSHIP_A = "510722201";
    public static final String TOWNSHIP_B = "510722202";
    public static final String CITY_REGULATOR = "510700";
    public static final String COUNTY_REGULATOR = "510722";
    public static final String FOREIGN_REGULATOR = "440300";

    @Inject
    EntityManager em;

    /** The standard parties of the tests. */
    @Transactional
    public void standard() {
        township(TOWNSHIP_A, "芦溪镇");
        township(TOWNSHIP_B, "刘营镇");
        regulator(CITY_REGULATOR, "绵阳市自然资源和规划局");
        regulator(COUNTY_REGULATOR, "三台县自然资源局");
        regulator(FOREIGN_REGULATOR, "深圳市规划和自然资源局");
    }

    /** A township, and its county (三台县 for {@link #COUNTY}) when that is not registered yet. */
    @Transactional
    public void township(String code, String name) {
        if (em.find(Township.class, code) == null) {
            String countyCode = code.substring(0, 6);
            county(countyCode, countyCode.equals(COUNTY) ? "三台县" : "测试区县" + countyCode);
            Township t = new Township();
            t.code = code;
            t.name = name;
            t.countyCode = countyCode;
            t.createdAt = Instant.now();
            t.updatedAt = t.createdAt;
            em.persist(t);
        }
    }

    @Transactional
    public void county(String code, String name) {
        if (em.find(County.class, code) == null) {
            County c = new County();
            c.code = code;
            c.name = name;
            c.createdAt = Instant.now();
            c.updatedAt = c.createdAt;
            em.persist(c);
            em.flush();
        }
    }

    @Transactional
    public void regulator(String code, String name) {
        if (em.find(Regulator.class, code) == null) {
            Regulator r = new Regulator();
            r.code = code;
            r.name = name;
            r.createdAt = Instant.now();
            r.updatedAt = r.createdAt;
            em.persist(r);
        }
    }

    /** A registered enterprise in the given status, with a valid credit code built from a 9-char serial. */
    @Transactional
    public String enterprise(String serial9, EnterpriseStatus status) {
        String code = CreditCode.complete("91510703" + serial9);
        if (em.find(Enterprise.class, code) == null) {
            Enterprise e = new Enterprise();
            e.creditCode = code;
            e.name = "测试企业" + serial9;
            e.legalRepresentative = "张三";
            e.contactPerson = "李四";
            e.contactPhone = "13800000000";
            e.address = "绵阳市涪城区";
            e.regionCode = "510703";
            e.bankName = "中国农业银行绵阳分行";
            e.bankAccountName = e.name;
            e.bankAccountNo = "6228480000000000000";
            e.status = status;
            e.registeredAt = Instant.now();
            em.persist(e);
        }
        return code;
    }

    /** Runs SQL in its own transaction (for counts and for set-ups no endpoint offers). */
    @Transactional
    public long count(String jpql, Object... params) {
        var query = em.createQuery(jpql, Long.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getSingleResult();
    }

    /** Reads one value with JPQL in its own transaction, e.g. a column of one row. */
    @Transactional
    public <T> T value(Class<T> type, String jpql, Object... params) {
        var query = em.createQuery(jpql, type);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getSingleResult();
    }

    /**
     * The canonical JSON of every audit log entry of a type whose facts name the listing, staged or
     * already in the tree, in the order they were written.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public java.util.List<String> auditEntries(String type, long listingId) {
        return em.createNativeQuery("""
                select json from (
                    select 1 as stage, id as pos, convert_from(entry, 'UTF8') as json from audit_pending
                    union all
                    select 0 as stage, idx as pos, convert_from(entry, 'UTF8') as json from audit_entry
                ) e
                where cast(json as jsonb) ->> 'type' = ?1
                  and cast(cast(json as jsonb) #>> '{facts,listingId}' as bigint) = ?2
                order by stage, pos""").setParameter(1, type).setParameter(2, listingId).getResultList();
    }

    @Transactional
    public int execute(String sql) {
        return em.createNativeQuery(sql).executeUpdate();
    }
}
