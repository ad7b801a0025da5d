package cn.landmarket.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What a certificate view shows is what the freezing rule holds, in every dimension. */
class CertificateViewTest {

    private static Certificate farmland() {
        Certificate c = new Certificate();
        c.id = 102L;
        c.assetType = AssetType.FARMLAND_COMPENSATION;
        c.areaM2 = 100_000;
        c.paddyAreaM2 = 50_000L;
        c.grainCapacityKg = 10_000L;
        c.freeze(new Quantity(5_000, 1_000L, 500L));
        c.transfer(new Quantity(2_001, 1_500L, 700L));
        return c;
    }

    @Test
    void theViewSubtractsFrozenAndTransferredInEveryDimensionAsTheFreezingRuleDoes() {
        Certificate c = farmland();
        CertificateView v = CertificateView.of(c);
        assertEquals(100_000, v.area().m2());
        assertEquals(5_000, v.frozenArea().m2());
        assertEquals(2_001, v.transferredArea().m2());
        assertEquals(92_999, v.availableArea().m2());
        assertEquals(50_000, v.paddyArea().m2());
        assertEquals(1_000, v.frozenPaddyArea().m2());
        assertEquals(1_500, v.transferredPaddyArea().m2());
        assertEquals(47_500, v.availablePaddyArea().m2());
        assertEquals(10_000L, (long) v.grainCapacityKg());
        assertEquals(500L, (long) v.frozenGrainCapacityKg());
        assertEquals(700L, (long) v.transferredGrainCapacityKg());
        assertEquals(8_800L, (long) v.availableGrainCapacityKg());
        Quantity rule = c.available();
        assertEquals(rule.areaM2(), v.availableArea().m2());
        assertEquals((long) rule.paddyAreaM2(), v.availablePaddyArea().m2());
        assertEquals((long) rule.grainCapacityKg(), (long) v.availableGrainCapacityKg());
    }

    @Test
    void dimensionsATypeDoesNotHaveAreAbsentFromTheView() {
        Certificate c = new Certificate();
        c.id = 7L;
        c.assetType = AssetType.LINKAGE_SURPLUS;
        c.areaM2 = 33_333;
        c.transfer(new Quantity(2_001, null, null));
        CertificateView v = CertificateView.of(c);
        assertEquals(31_332, v.availableArea().m2());
        assertEquals(2_001, v.transferredArea().m2());
        assertNull(v.paddyArea());
        assertNull(v.transferredPaddyArea());
        assertNull(v.availablePaddyArea());
        assertNull(v.grainCapacityKg());
        assertNull(v.transferredGrainCapacityKg());
        assertNull(v.availableGrainCapacityKg());
    }
}
