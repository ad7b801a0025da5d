package cn.landmarket.auction;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.landmarket.party.CreditCode;

/**
 * The rows {@link CloseRehearsal} closes: a county, a township and two enterprises of its own (codes no
 * real division or enterprise has), certificates with lots frozen on them, and listings whose listing
 * period has just ended: two in five without a bid, two in five with one bidder, one in five with two.
 * Every id is negative, so that none is a real row's; they are written in the caller's transaction,
 * which is rolled back. Instances that start together stage the same rows, so their rehearsals take
 * turns, each waiting at most {@code lock_timeout} (10 s) for another's.
 */
@ApplicationScoped
class CloseRehearsalRepository {

    /** Not a county of GB/T 2260 (provinces are numbered up to 82). */
    static final String COUNTY = "990000";
    static final String TOWNSHIP = COUNTY + "001";
    static final List<String> BIDDERS = List.of(CreditCode.complete("91990000MA0000001"),
            CreditCode.complete("91990000MA0000002"));
    static final long START_FEN = 1_000_000L;
    static final long INCREMENT_FEN = 100_000L;
    /** Listings per certificate, as a township lists a reclaimed area in lots. */
    static final int LOTS_PER_CERTIFICATE = 10;

    private final EntityManager em;

    CloseRehearsalRepository(EntityManager em) {
        this.em = em;
    }

    /** Stages {@code count} listings whose listing period ended a second before {@code now}; returns their ids. */
    List<Long> stage(int count, Instant now) {
        Instant ended = now.minusSeconds(1);
        // instances starting together stage the same rows and so take turns; one that hangs holding
        // them makes the others' rehearsals fail (logged), not their start wait for it
        em.createNativeQuery("set local lock_timeout = '10s'").executeUpdate();
        int certificates = (count + LOTS_PER_CERTIFICATE - 1) / LOTS_PER_CERTIFICATE;
        em.createNativeQuery("""
                with county as (
                    insert into county (code, name) values (?1, '演练县') on conflict do nothing
                ), township as (
                    insert into township (code, name, county_code) values (?2, '演练镇', ?1) on conflict do nothing
                )
                insert into enterprise (credit_code, name, legal_representative, contact_person, contact_phone,
                    address, region_code, bank_name, bank_account_name, bank_account_no, status, registered_at)
                select code, '演练企业 ' || code, '演练', '演练', '00000000000', '演练', ?1, '演练', '演练',
                    '0000000000000000', 'VERIFIED', ?3
                from (values (?4), (?5)) e(code)
                on conflict do nothing""").setParameter(1, COUNTY).setParameter(2, TOWNSHIP).setParameter(3, ended)
                .setParameter(4, BIDDERS.get(0)).setParameter(5, BIDDERS.get(1)).executeUpdate();
        em.createNativeQuery("""
                with certificate as (
                    insert into certificate (id, cert_no, asset_type, holder_kind, holder_code, region_code,
                        source_project, area_m2, frozen_area_m2, acceptance_doc_no, valid_until, issued_at, issued_by)
                    select -k, 'REHEARSAL-' || k, 'LINKAGE_SURPLUS', 'TOWNSHIP', ?1, ?1, 'rehearsal', 1000, ?2,
                        'REHEARSAL', current_date + 3650, ?3, 'rehearsal'
                    from generate_series(1, ?4) k
                ), account as (
                    insert into ledger_account (id, ledger, normal_side, created_at)
                    select 'CERT:-' || k || a, 'AREA_M2', 'CREDIT', ?3
                    from generate_series(1, ?4) k, unnest(array[':AREA_M2', ':FROZEN:AREA_M2']) a
                )
                insert into ledger_transfer (id, ledger, debit_account, credit_account, amount, kind, phase,
                    reference, created_at)
                select 'cert:-' || k || ':issue:AREA_M2', 'AREA_M2', 'QUOTA:ISSUED:AREA_M2', 'CERT:-' || k || ':AREA_M2',
                    1000, 'ISSUE', 'POSTED', 'REHEARSAL-' || k,
                    cast(?3 as timestamptz)
                from generate_series(1, ?4) k
                union all
                select 'cert:-' || k || ':freeze:AREA_M2', 'AREA_M2', 'CERT:-' || k || ':AREA_M2',
                    'CERT:-' || k || ':FROZEN:AREA_M2', cast(?2 as bigint), 'FREEZE', 'POSTED', 'REHEARSAL-' || k,
                    cast(?3 as timestamptz)
                from generate_series(1, ?4) k""").setParameter(1, TOWNSHIP).setParameter(2, LOTS_PER_CERTIFICATE)
                .setParameter(3, ended).setParameter(4, certificates).executeUpdate();
        em.createNativeQuery("""
                with p as (
                    select cast(?1 as integer) lots, cast(?2 as varchar) township, cast(?3 as bigint) start,
                        cast(?4 as bigint) inc, cast(?5 as timestamptz) ended, cast(?6 as integer) n,
                        cast(?7 as varchar) first_bidder, cast(?8 as varchar) second_bidder
                ), listing as (
                    insert into listing (id, listing_no, title, certificate_id, seller_code, asset_type, region_code,
                        lot_area_m2, start_price_fen, increment_fen, deposit_fen, announce_at, registration_deadline,
                        listing_start, listing_end, countdown_seconds, eligible_regions, payment_terms, status,
                        created_at, announced_at, highest_bid_fen, bid_count)
                    select -g, 'REHEARSAL-' || g, '演练 ' || g, -(1 + (g - 1) / lots), township, 'LINKAGE_SURPLUS',
                        township, 1, start, inc, start / 5, ended - interval '30 days', ended - interval '2 days',
                        ended - interval '1 day', ended, 15, '[]',
                        '{"mode":"FULL","confirmWithinWorkingDays":5,"firstSharePercent":100,"firstDueDays":30}',
                        'LISTING', ended - interval '31 days', ended - interval '30 days',
                        case g % 5 when 2 then start when 3 then start when 4 then start + inc end,
                        case g % 5 when 2 then 1 when 3 then 1 when 4 then 2 else 0 end
                    from p, generate_series(1, p.n) g
                ), bidder as (
                    select g, b from p, generate_series(1, p.n) g, generate_series(0, 1) b
                    where g % 5 in (2, 3) and b = 0 or g % 5 = 4
                ), registration as (
                    insert into registration (id, listing_id, enterprise_code, virtual_account, deposit_fen,
                        deposit_deadline, deposit_received_fen, status, bidder_no, qualified_at, registered_at)
                    select -(2 * g + b), -g, case b when 0 then first_bidder else second_bidder end,
                        'REHEARSAL-' || g || '-' || b, start / 5, ended, start / 5, 'QUALIFIED', 'R' || g || '-' || b,
                        ended - interval '2 days', ended - interval '3 days'
                    from p, bidder
                )
                insert into bid (id, listing_id, seq, registration_id, bidder_no, amount_fen, accepted_at, phase,
                    deadline, idempotency_key)
                select -(2 * g + b), -g, b + 1, -(2 * g + b), 'R' || g || '-' || b, start + b * inc,
                    ended - interval '1 minute', 'LISTING', ended, 'rehearsal-' || g || '-' || b
                from p, bidder""").setParameter(1, LOTS_PER_CERTIFICATE).setParameter(2, TOWNSHIP)
                .setParameter(3, START_FEN).setParameter(4, INCREMENT_FEN).setParameter(5, ended)
                .setParameter(6, count).setParameter(7, BIDDERS.get(0)).setParameter(8, BIDDERS.get(1))
                .executeUpdate();
        return LongStream.rangeClosed(1, count).map(g -> -g).boxed().toList();
    }
}
