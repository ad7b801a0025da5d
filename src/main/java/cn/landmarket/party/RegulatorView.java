package cn.landmarket.party;

import java.time.Instant;

/**
 * A regulator as operators see it: its 6-digit code (the {@code org} of its tokens) and the
 * jurisdiction that code names, the 2-, 4- or 6-digit prefix of the regions it covers.
 */
public record RegulatorView(String code, String name, String jurisdiction, boolean active, Instant createdAt,
        Instant updatedAt, Instant deactivatedAt) {

    static RegulatorView of(Regulator r) {
        return new RegulatorView(r.code, r.name, DivisionCode.isDivision(r.code) ? r.jurisdictionPrefix() : null,
                r.active(), r.createdAt, r.updatedAt, r.deactivatedAt);
    }
}
