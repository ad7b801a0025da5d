package cn.landmarket.party;

import java.time.Instant;

/** A county as operators see it in the organisation registry. */
public record CountyView(String code, String name, boolean active, Instant createdAt, Instant updatedAt,
        Instant deactivatedAt) {

    static CountyView of(County c) {
        return new CountyView(c.code, c.name, c.active(), c.createdAt, c.updatedAt, c.deactivatedAt);
    }
}
