package cn.landmarket.party;

import java.time.Instant;

/** A township as anyone may see it: its county, and whether it is active (a deactivated one keeps its history). */
public record TownshipView(String code, String name, String countyCode, String countyName, boolean active,
        Instant createdAt, Instant updatedAt, Instant deactivatedAt) {

    static TownshipView of(Township t) {
        return new TownshipView(t.code, t.name, t.countyCode, t.county == null ? null : t.county.name, t.active(),
                t.createdAt, t.updatedAt, t.deactivatedAt);
    }
}
