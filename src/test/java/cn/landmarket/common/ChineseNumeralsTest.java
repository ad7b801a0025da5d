package cn.landmarket.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Amounts in capital numerals (大写), by the rules for cheques and bid forms. */
class ChineseNumeralsTest {

    @ParameterizedTest(name = "{0} fen = {1}")
    @CsvSource({
            // the brief's example: every place used
            "123456789, 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分",
            // whole yuan end with 整
            "100, 壹元整",
            "1000, 壹拾元整",
            "1100, 壹拾壹元整",
            "2000000000, 贰仟万元整",
            "10000000000, 壹亿元整",
            // zeros in the middle are one 零, also across the 万 and 亿 groups
            "10000100, 壹拾万零壹元整",
            "100100, 壹仟零壹元整",
            "101000, 壹仟零壹拾元整",
            "1010000, 壹万零壹佰元整",
            "100010000, 壹佰万零壹佰元整",
            "10001000000, 壹亿零壹万元整",
            "10000000100, 壹亿零壹元整",
            "10100000000, 壹亿零壹佰万元整",
            "100000000000000, 壹万亿元整",
            "100010000000000, 壹万零壹亿元整",
            "100000001000000, 壹万亿零壹万元整",
            "1000000000000000, 壹拾万亿元整",
            "1000100000000000, 壹拾万零壹拾亿元整",
            "999999999999999999, 玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            // trailing zeros of the yuan are not written
            "100000, 壹仟元整",
            "2200000000, 贰仟贰佰万元整",
            // 角 without 分: no 整 after the 角
            "12340, 壹佰贰拾叁元肆角",
            "50, 伍角",
            // 分 without 角: 零 after the 元, none when there is no yuan
            "1640902, 壹万陆仟肆佰零玖元零贰分",
            "5, 伍分",
            "105, 壹元零伍分",
            // 角 and 分 after a yuan ending in zero
            "168032, 壹仟陆佰捌拾元叁角贰分",
            "10700053, 壹拾万零柒仟元伍角叁分",
            "0, 零元整",
    })
    void writesTheAmount(long fen, String expected) {
        assertEquals(expected, ChineseNumerals.ofFen(fen));
    }

    @Test
    void refusesNegativeAndTooLargeAmounts() {
        assertThrows(IllegalArgumentException.class, () -> ChineseNumerals.ofFen(-1));
        assertThrows(IllegalArgumentException.class, () -> ChineseNumerals.ofFen(1_000_000_000_000_000_000L));
        assertEquals("玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元整",
                ChineseNumerals.ofFen(999_999_999_999_999_900L));
    }
}
