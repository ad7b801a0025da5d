package cn.landmarket.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import cn.landmarket.common.jdbc.SqlArrays;
import cn.landmarket.common.security.Role;

/** The queries of notifications, all native SQL over the outbox tables and the tables events name. */
@ApplicationScoped
public class NotificationRepository {

    /** Advisory lock key of the fan-out: "lm_notif" in ASCII. */
    static final long EXPAND_LOCK = 0x6c6d5f6e6f746966L;

    private final EntityManager em;

    NotificationRepository(EntityManager em) {
        this.em = em;
    }

    /** An outbox row not expanded yet. */
    public record EventRow(long id, String kind, String entry) {
    }

    /** An organisation a notice reaches, with its bidder number on the listing when it is a bidder. */
    public record Recipient(String org, Role role, String bidderNo) {
    }

    /** An organisation's choices; {@code events} null means every event of its role. */
    public record Preference(String org, Role role, String email, String webhookUrl, String webhookSecret,
            List<String> events, Instant updatedAt) {
    }

    /** A message waiting for delivery, as the worker reads it. */
    public record Pending(long seq, UUID id, String eventType, String subject, String body, String payload,
            int attempts, Instant nextAttemptAt, Instant createdAt) {
    }

    /** A message as operators see it. */
    public record MessageRow(long seq, UUID id, long eventId, String eventType, String recipientOrg, String channel,
            int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
            Instant deadAt) {
    }

    /** Takes the transaction-scoped advisory lock of {@code key}; false when another transaction holds it. */
    public boolean tryLock(long key) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, key)
                .getSingleResult();
    }

    /** Takes the transaction-scoped lock of one organisation's channel, so one worker delivers to it at a time. */
    public boolean tryLockGroup(String org, Channel channel) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(?1, 18))")
                .setParameter(1, "notification:" + org + ":" + channel.name()).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    public List<EventRow> pendingEvents(int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select id, kind, cast(entry as text) from notification_event where expanded_at is null
                order by id limit ?1""").setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new EventRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    public void markExpanded(List<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            em.createNativeQuery("update notification_event set expanded_at = ?1 where id = any(cast(?2 as bigint[]))")
                    .setParameter(1, at).setParameter(2, SqlArrays.bigints(ids)).executeUpdate();
        }
    }

    /** A time-based event to write once, under its key. */
    public record OnceEvent(String kind, String entryJson, String dedupeKey) {
    }

    /**
     * Writes each time-based event once, in one statement: nothing for a key that an event already
     * has. Those written before are skipped without trying to insert them (the reminders of every
     * listing in timed bidding come round every second on every instance); a key written by another
     * transaction meanwhile is left to it. Returns how many were written.
     */
    public int insertEventsOnce(List<OnceEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("""
                    insert into notification_event (kind, entry, dedupe_key)
                    select t.kind, cast(t.entry as jsonb), t.dedupe_key
                    from unnest(?::varchar[], ?::text[], ?::varchar[]) as t(kind, entry, dedupe_key)
                    where not exists (select 1 from notification_event n where n.dedupe_key = t.dedupe_key)
                    on conflict (dedupe_key) do nothing""")) {
                ps.setArray(1, c.createArrayOf("varchar", events.stream().map(OnceEvent::kind).toArray()));
                ps.setArray(2, c.createArrayOf("text", events.stream().map(OnceEvent::entryJson).toArray()));
                ps.setArray(3, c.createArrayOf("varchar", events.stream().map(OnceEvent::dedupeKey).toArray()));
                return ps.executeUpdate();
            }
        });
    }

    /** The organisations an audience names now. */
    public List<Recipient> recipients(Audience audience) {
        if (audience instanceof Audience.Enterprise a) {
            return enterprises("select credit_code, cast(null as varchar) from enterprise where credit_code = ?1",
                    a.code());
        } else if (audience instanceof Audience.RegistrationHolder a) {
            return enterprises("select enterprise_code, bidder_no from registration where id = ?1", a.registrationId());
        } else if (audience instanceof Audience.PreviousBidder a) {
            return previousBidders(List.of(a)).get(a);
        } else if (audience instanceof Audience.Bidder a) {
            return enterprises("select enterprise_code, bidder_no from registration "
                    + "where listing_id = ?1 and bidder_no = ?2", a.listingId(), a.bidderNo());
        } else if (audience instanceof Audience.Bidders a) {
            return a.exceptBidderNo() == null
                    ? enterprises("select enterprise_code, bidder_no from registration where listing_id = ?1 "
                            + "and status = 'QUALIFIED' order by id", a.listingId())
                    : enterprises("select enterprise_code, bidder_no from registration where listing_id = ?1 "
                            + "and status = 'QUALIFIED' and bidder_no <> ?2 order by id", a.listingId(),
                            a.exceptBidderNo());
        } else if (audience instanceof Audience.Seller a) {
            return orgs(Role.TOWNSHIP, "select seller_code from listing where id = ?1", a.listingId());
        } else if (audience instanceof Audience.Buyer a) {
            return enterprises("""
                    select t.buyer_code, r.bidder_no from trade t join registration r on r.id = t.registration_id
                    where t.id = ?1""", a.tradeId());
        } else if (audience instanceof Audience.Regulators a) {
            return regulators(a.listingId());
        } else if (audience instanceof Audience.RegulatorsIfSharedPayer a) {
            return sharedPayer(a.listingId(), a.registrationId()) ? regulators(a.listingId()) : List.of();
        }
        throw new IllegalArgumentException("unknown audience " + audience);
    }

    private List<Recipient> regulators(long listingId) {
        return orgs(Role.REGULATOR, """
                select g.code from regulator g join listing l on l.id = ?1
                where g.deactivated_at is null and l.region_code like regexp_replace(g.code, '(00)+$', '') || '%'
                order by g.code""", listingId);
    }

    private boolean sharedPayer(long listingId, long registrationId) {
        return (Boolean) em.createNativeQuery("""
                select exists (select 1 from bank_notice a
                    join bank_notice b on b.counterparty_account = a.counterparty_account and b.kind = 'CREDIT'
                    join registration r on r.id = b.registration_id
                    where a.registration_id = ?2 and a.kind = 'CREDIT' and r.listing_id = ?1
                      and b.registration_id <> ?2
                      and (b.received_at, b.registration_id) < (a.received_at, a.registration_id))""").setParameter(1, listingId).setParameter(2, registrationId)
                .getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private List<Recipient> enterprises(String sql, Object... params) {
        List<Object[]> rows = query(sql, params).getResultList();
        return rows.stream().map(r -> new Recipient((String) r[0], Role.ENTERPRISE, (String) r[1])).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Recipient> orgs(Role role, String sql, Object... params) {
        List<Object> rows = query(sql, params).getResultList();
        return rows.stream().map(r -> new Recipient((String) r, role, null)).toList();
    }

    private Query query(String sql, Object... params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q;
    }

    public boolean enterpriseExists(String code) {
        return !em.createNativeQuery("select 1 from enterprise where credit_code = ?1").setParameter(1, code)
                .getResultList().isEmpty();
    }

    /**
     * The recipients of many {@link Audience.PreviousBidder} audiences in one query (a fan-out pass
     * holds mostly bids): for each, the bidder of the bid just before its sequence, unless that is
     * the audience's own bidder; an audience whose earlier bid does not exist gets no recipient.
     */
    @SuppressWarnings("unchecked")
    public Map<Audience.PreviousBidder, List<Recipient>> previousBidders(Collection<Audience.PreviousBidder> audiences) {
        Map<Audience.PreviousBidder, List<Recipient>> found = new HashMap<>();
        if (audiences.isEmpty()) {
            return found;
        }
        Map<List<Long>, Recipient> earlier = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                select b.listing_id, b.seq, r.enterprise_code, r.bidder_no
                from unnest(cast(?1 as bigint[]), cast(?2 as int[])) k(listing_id, seq)
                  join bid b on b.listing_id = k.listing_id and b.seq = k.seq
                  join registration r on r.id = b.registration_id""")
                .setParameter(1, SqlArrays.bigints(audiences.stream().map(Audience.PreviousBidder::listingId).toList()))
                .setParameter(2, SqlArrays.bigints(audiences.stream().map(a -> a.sequence() - 1).toList()))
                .getResultList();
        for (Object[] r : rows) {
            earlier.put(List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue()),
                    new Recipient((String) r[2], Role.ENTERPRISE, (String) r[3]));
        }
        for (Audience.PreviousBidder a : audiences) {
            Recipient before = earlier.get(List.of(a.listingId(), (long) a.sequence() - 1));
            found.put(a, before == null || before.bidderNo().equals(a.bidderNo()) ? List.of() : List.of(before));
        }
        return found;
    }

    /** The number, title and status reason of each of these listings that exists, by id. */
    @SuppressWarnings("unchecked")
    public Map<Long, String[]> lots(Collection<Long> listingIds) {
        Map<Long, String[]> found = new HashMap<>();
        if (listingIds.isEmpty()) {
            return found;
        }
        List<Object[]> rows = em.createNativeQuery(
                "select id, listing_no, title, status_reason from listing where id = any(cast(?1 as bigint[]))")
                .setParameter(1, SqlArrays.bigints(listingIds)).getResultList();
        for (Object[] r : rows) {
            found.put(((Number) r[0]).longValue(), new String[] {(String) r[1], (String) r[2], (String) r[3]});
        }
        return found;
    }

    /** How many listings wait for review in the regulator's jurisdiction. */
    public long pendingReviews(String regulatorCode) {
        return ((Number) em.createNativeQuery("""
                select count(*) from listing where status = 'PENDING_REVIEW'
                  and region_code like regexp_replace(?1, '(00)+$', '') || '%'""").setParameter(1, regulatorCode)
                .getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    public Optional<Preference> preference(String org) {
        List<Object[]> rows = em.createNativeQuery("""
                select org_code, role, email, webhook_url, webhook_secret, array_to_string(events, ','),
                       (events is not null), updated_at
                from notification_preference where org_code = ?1""").setParameter(1, org).getResultList();
        return rows.stream().findFirst().map(r -> new Preference((String) r[0], Role.valueOf((String) r[1]),
                (String) r[2], (String) r[3], (String) r[4],
                Boolean.TRUE.equals(r[6]) ? split((String) r[5]) : null, instant(r[7])));
    }

    private static List<String> split(String events) {
        return events == null || events.isEmpty() ? List.of() : Arrays.asList(events.split(","));
    }

    public void savePreference(Preference p) {
        em.createNativeQuery("""
                insert into notification_preference (org_code, role, email, webhook_url, webhook_secret, events, updated_at)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as varchar(40)[]), ?7)
                on conflict (org_code) do update set role = excluded.role, email = excluded.email,
                    webhook_url = excluded.webhook_url, webhook_secret = excluded.webhook_secret,
                    events = excluded.events, updated_at = excluded.updated_at""")
                .setParameter(1, p.org()).setParameter(2, p.role().name()).setParameter(3, p.email())
                .setParameter(4, p.webhookUrl()).setParameter(5, p.webhookSecret())
                .setParameter(6, p.events() == null ? null : String.join(",", p.events()).isEmpty() ? "{}"
                        : "{" + String.join(",", p.events()) + "}")
                .setParameter(7, p.updatedAt()).executeUpdate();
    }

    /** Adds a message unless one of the same id exists (an event expanded twice). */
    public void insertMessage(UUID id, long eventId, EventType type, String org, Channel channel, String subject,
            String body, String payload, Instant now) {
        em.createNativeQuery("""
                insert into notification_message (id, event_id, event_type, recipient_org, channel, subject, body,
                    payload, created_at, next_attempt_at)
                values (cast(?1 as uuid), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
                on conflict (id) do nothing""").setParameter(1, id.toString()).setParameter(2, eventId)
                .setParameter(3, type.name()).setParameter(4, org).setParameter(5, channel.name())
                .setParameter(6, subject).setParameter(7, body).setParameter(8, payload).setParameter(9, now)
                .executeUpdate();
    }

    /** Organisations and channels with a message due now. */
    @SuppressWarnings("unchecked")
    public List<Object[]> dueGroups(Instant now, int limit) {
        return em.createNativeQuery("""
                select recipient_org, channel from notification_message
                where delivered_at is null and dead_at is null and next_attempt_at <= ?1
                group by recipient_org, channel order by min(seq) limit ?2""").setParameter(1, now)
                .setParameter(2, limit).getResultList();
    }

    /** The first undelivered, live messages of one organisation's channel, in order, locked. */
    @SuppressWarnings("unchecked")
    public List<Pending> lockPending(String org, Channel channel, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select seq, cast(id as text), event_type, subject, body, payload, attempts, next_attempt_at, created_at
                from notification_message
                where recipient_org = ?1 and channel = ?2 and delivered_at is null and dead_at is null
                order by seq limit ?3 for update""").setParameter(1, org).setParameter(2, channel.name())
                .setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new Pending(((Number) r[0]).longValue(), UUID.fromString((String) r[1]),
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).intValue(), instant(r[7]),
                instant(r[8]))).toList();
    }

    public void markDelivered(long seq, Instant at) {
        em.createNativeQuery("update notification_message set delivered_at = ?1, attempts = attempts + 1, "
                + "last_error = null where seq = ?2").setParameter(1, at).setParameter(2, seq).executeUpdate();
    }

    /** Records a failed attempt: retried at {@code nextAttemptAt}, or dead when {@code dead}. */
    public void markFailed(long seq, String error, Instant nextAttemptAt, boolean dead, Instant now) {
        em.createNativeQuery("""
                update notification_message set attempts = attempts + 1, last_error = ?1, next_attempt_at = ?2,
                    dead_at = case when ?5 then cast(?3 as timestamptz) end where seq = ?4""")
                .setParameter(1, truncate(error)).setParameter(2, nextAttemptAt).setParameter(3, now)
                .setParameter(4, seq).setParameter(5, dead)
                .executeUpdate();
    }

    private static String truncate(String error) {
        String e = error == null ? "failed" : error;
        return e.length() > 500 ? e.substring(0, 500) : e;
    }

    private static final String MESSAGE_COLUMNS = """
            select seq, cast(id as text), event_id, event_type, recipient_org, channel, attempts, last_error,
                   created_at, next_attempt_at, delivered_at, dead_at from notification_message\s""";

    @SuppressWarnings("unchecked")
    public List<MessageRow> deadLetters(int page, int size) {
        List<Object[]> rows = em.createNativeQuery(MESSAGE_COLUMNS + "where dead_at is not null order by seq "
                + "limit ?1 offset ?2").setParameter(1, size).setParameter(2, (long) page * size).getResultList();
        return rows.stream().map(NotificationRepository::messageRow).toList();
    }

    public long deadLetterCount() {
        return ((Number) em.createNativeQuery("select count(*) from notification_message where dead_at is not null")
                .getSingleResult()).longValue();
    }

    /** An organisation's own messages, newest first. */
    @SuppressWarnings("unchecked")
    public List<MessageRow> messagesOf(String org, int page, int size) {
        List<Object[]> rows = em.createNativeQuery(MESSAGE_COLUMNS + "where recipient_org = ?3 order by seq desc "
                + "limit ?1 offset ?2").setParameter(1, size).setParameter(2, (long) page * size).setParameter(3, org)
                .getResultList();
        return rows.stream().map(NotificationRepository::messageRow).toList();
    }

    public long messageCount(String org) {
        return ((Number) em.createNativeQuery("select count(*) from notification_message where recipient_org = ?1")
                .setParameter(1, org).getSingleResult()).longValue();
    }

    /** The message of this id, locked. */
    @SuppressWarnings("unchecked")
    public Optional<MessageRow> lockMessage(UUID id) {
        List<Object[]> rows = em.createNativeQuery(MESSAGE_COLUMNS + "where id = cast(?1 as uuid) for update")
                .setParameter(1, id.toString()).getResultList();
        return rows.stream().findFirst().map(NotificationRepository::messageRow);
    }

    /** Gives a dead letter a fresh set of attempts, due now. */
    public void revive(long seq, Instant now) {
        em.createNativeQuery("update notification_message set dead_at = null, attempts = 0, next_attempt_at = ?1 "
                + "where seq = ?2").setParameter(1, now).setParameter(2, seq).executeUpdate();
    }

    /**
     * Deletes up to {@code limit} messages delivered before {@code cutoff}, oldest delivery first,
     * skipping rows another transaction holds (another instance pruning or delivering them). The
     * rows are chosen first, as an array, and then deleted by key: as {@code in (subquery)} the
     * server may plan a hash join that reads the whole table to delete a thousand rows.
     */
    public int pruneDelivered(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                delete from notification_message where seq = any(array(
                    select seq from notification_message where delivered_at < ?1
                    order by delivered_at limit ?2 for update skip locked))""").setParameter(1, cutoff)
                .setParameter(2, limit).executeUpdate();
    }

    /**
     * Deletes up to {@code limit} events expanded before {@code cutoff} that no message names any
     * more (all pruned, or none was ever written), oldest expansion first; never an event not
     * expanded yet.
     */
    public int pruneEvents(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                delete from notification_event where id = any(array(
                    select e.id from notification_event e where e.expanded_at < ?1
                      and not exists (select 1 from notification_message m where m.event_id = e.id)
                    order by e.expanded_at, e.id limit ?2 for update skip locked))""").setParameter(1, cutoff)
                .setParameter(2, limit).executeUpdate();
    }

    /** Listings in timed bidding whose countdown ends within the window: id, deadline, highest bid. */
    @SuppressWarnings("unchecked")
    public List<Object[]> countdownsEnding(Instant now, Instant until) {
        return em.createNativeQuery("""
                select id, countdown_deadline, highest_bid_fen from listing
                where status = 'TIMED_BIDDING' and countdown_deadline > ?1 and countdown_deadline <= ?2""")
                .setParameter(1, now).setParameter(2, until).getResultList();
    }

    /**
     * Trades whose buyer has not met a deadline within the window: trade, listing, what
     * (CONFIRMATION or PAYMENT), the deadline, what is owed by then (null for a signature).
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> deadlinesNear(Instant now, Instant until) {
        return em.createNativeQuery("""
                select id, listing_id, 'CONFIRMATION', confirm_deadline, cast(null as bigint) from trade
                where status = 'AWAITING_CONFIRMATION' and buyer_confirmed_at is null
                  and confirm_deadline > ?1 and confirm_deadline <= ?2
                union all
                select id, listing_id, 'PAYMENT', first_due_at, first_due_fen - deposit_fen - paid_fen from trade
                where status = 'AWAITING_PAYMENT' and first_due_at is not null and deposit_fen + paid_fen < first_due_fen
                  and first_due_at > ?1 and first_due_at <= ?2
                union all
                select id, listing_id, 'PAYMENT', balance_due_at, price_fen - deposit_fen - paid_fen from trade
                where status = 'AWAITING_PAYMENT' and balance_due_at is not null and deposit_fen + paid_fen < price_fen
                  and balance_due_at > ?1 and balance_due_at <= ?2""").setParameter(1, now).setParameter(2, until)
                .getResultList();
    }

    private static MessageRow messageRow(Object[] r) {
        return new MessageRow(((Number) r[0]).longValue(), UUID.fromString((String) r[1]), ((Number) r[2]).longValue(),
                (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).intValue(), (String) r[7], instant(r[8]),
                instant(r[9]), instant(r[10]), instant(r[11]));
    }

    /** A timestamp column as the driver returns it, as an instant. */
    static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        } else if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        } else if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }
}
