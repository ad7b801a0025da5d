package cn.landmarket.asset;

/**
 * An exact quantity of an indicator: area in m², and for farmland compensation also paddy area in
 * m² and grain capacity in kg (null where the asset type has no such dimension).
 */
public record Quantity(long areaM2, Long paddyAreaM2, Long grainCapacityKg) {

    public long paddyAreaM2OrZero() {
        return paddyAreaM2 == null ? 0 : paddyAreaM2;
    }

    public long grainCapacityKgOrZero() {
        return grainCapacityKg == null ? 0 : grainCapacityKg;
    }

    /** True when every dimension of {@code lot} fits within this quantity. */
    public boolean covers(Quantity lot) {
        return lot.areaM2 <= areaM2
                && lot.paddyAreaM2OrZero() <= paddyAreaM2OrZero()
                && lot.grainCapacityKgOrZero() <= grainCapacityKgOrZero();
    }

    /** This quantity and {@code other} together, dimension by dimension (a dimension null in both stays null). */
    public Quantity plus(Quantity other) {
        return new Quantity(areaM2 + other.areaM2,
                paddyAreaM2 == null && other.paddyAreaM2 == null ? null : paddyAreaM2OrZero() + other.paddyAreaM2OrZero(),
                grainCapacityKg == null && other.grainCapacityKg == null ? null
                        : grainCapacityKgOrZero() + other.grainCapacityKgOrZero());
    }
}
