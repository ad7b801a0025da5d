package cn.landmarket.auction;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.common.jdbc.SqlPipeline;

/**
 * The one place live events are sent: PostgreSQL {@code NOTIFY} on {@link #CHANNEL}, queued on the
 * current transaction, so a watcher on any instance ({@link LiveFeed} listens) sees an event only if
 * its change committed.
 */
@ApplicationScoped
public class LiveChannel {

    /** The PostgreSQL channel every instance listens on. */
    static final String CHANNEL = "listing_events";

    private final ObjectMapper json;

    LiveChannel(ObjectMapper json) {
        this.json = json;
    }

    /** Queues one event on the transaction of the entity manager. */
    void send(EntityManager em, LiveEvent event) {
        em.createNativeQuery("select pg_notify('" + CHANNEL + "', ?1)").setParameter(1, encode(event))
                .getSingleResult();
    }

    /** Queues the events, in order, on the transaction of a JDBC connection, in one round trip. */
    void send(Connection c, List<LiveEvent> events) throws SQLException {
        SqlPipeline pipeline = new SqlPipeline();
        stage(pipeline, events);
        pipeline.run(c);
    }

    /** Adds to the pipeline the one statement that queues the events, in order; none for none. */
    void stage(SqlPipeline pipeline, List<LiveEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        pipeline.add("select pg_notify('" + CHANNEL + "', e) from unnest(?) e",
                p -> p.array("text", events.stream().map(this::encode).toArray()));
    }

    private String encode(LiveEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
