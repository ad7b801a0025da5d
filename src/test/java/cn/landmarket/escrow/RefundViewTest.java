package cn.landmarket.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A refund shows its payee's account only by its last four digits. */
class RefundViewTest {

    @Test
    void anAccountIsMaskedToItsLastFourDigitsWhateverItsSeparators() {
        assertEquals("****0001", RefundView.maskAccount("6217000000000000001"));
        assertEquals("****9876", RefundView.maskAccount("6217 0000-0000 0009 876"));
        assertEquals("****2345", RefundView.maskAccount("12345"));
    }

    @Test
    void aShortAccountIsHiddenWholeAndNoneStaysNone() {
        assertEquals("****", RefundView.maskAccount("1234"));
        assertEquals("****", RefundView.maskAccount(" - "));
        assertNull(RefundView.maskAccount(null));
    }
}
