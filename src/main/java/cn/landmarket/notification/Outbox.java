package cn.landmarket.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.AuditFollower;
import cn.landmarket.common.jdbc.SqlPipeline;

/**
 * The outbox: every notifiable audit entry is written into notification_event in the transaction
 * that staged it, so an event exists exactly when its change committed. Whom it concerns is decided
 * later, by the fan-out ({@link NotificationService#expand}).
 */
@ApplicationScoped
public class Outbox implements AuditFollower {

    private final EntityManager em;
    private final boolean enabled;

    Outbox(EntityManager em, NotificationConfig config) {
        this.em = em;
        this.enabled = config.enabled();
    }

    @Override
    public void follow(AuditEntry entry) {
        if (!enabled || !NotificationRules.notifiable(entry.type())) {
            return;
        }
        em.createNativeQuery("insert into notification_event (kind, entry) values (?1, cast(?2 as jsonb))")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("notification_event")
                .setParameter(1, entry.type()).setParameter(2, new String(entry.bytes(), StandardCharsets.UTF_8))
                .executeUpdate();
    }

    /** One multi-row insert for the notifiable entries of the batch, none when there are none. */
    @Override
    public void follow(SqlPipeline pipeline, List<AuditEntry> entries) {
        if (!enabled) {
            return;
        }
        List<AuditEntry> notifiable = entries.stream().filter(e -> NotificationRules.notifiable(e.type())).toList();
        if (notifiable.isEmpty()) {
            return;
        }
        pipeline.add("""
                insert into notification_event (kind, entry)
                select k, cast(convert_from(e, 'UTF8') as jsonb)
                from unnest(?::varchar[], ?::bytea[]) with ordinality as t(k, e, n) order by n""",
                p -> p.array("varchar", notifiable.stream().map(AuditEntry::type).toArray())
                        .array("bytea", notifiable.stream().map(AuditEntry::bytes).toArray(byte[][]::new)));
    }
}
