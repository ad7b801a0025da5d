package cn.landmarket.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.landmarket.common.Money;

class CsvTest {

    private record Row(String text, Long number, Money money) {
    }

    private static final List<Csv.Column<Row>> COLUMNS = List.of(Csv.column("text", Row::text),
            Csv.column("number", Row::number), Csv.column("money", Row::money));

    @Test
    void headerRowThenOneLineEachEndedByCrLf() {
        assertEquals("text,number,money\r\nplain,12,3.05\r\n,,\r\n",
                Csv.write(COLUMNS, List.of(new Row("plain", 12L, Money.ofFen(305)), new Row(null, null, null))));
    }

    @Test
    void aHeaderRowIsWrittenEvenWithoutRows() {
        assertEquals("text,number,money\r\n", Csv.write(COLUMNS, List.of()));
    }

    @Test
    void fieldsWithCommaQuoteOrLineBreakAreQuotedAndInnerQuotesDoubled() {
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"line\nbreak\"", Csv.cell("line\nbreak"));
        assertEquals("\"cr\rhere\"", Csv.cell("cr\rhere"));
        assertEquals("no quotes needed", Csv.cell("no quotes needed"));
    }

    @Test
    void chineseTextPassesUnchanged() {
        assertEquals("芦溪镇增减挂钩节余指标", Csv.cell("芦溪镇增减挂钩节余指标"));
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
        assertEquals("'+1", Csv.cell("+1"));
        assertEquals("'-2+3", Csv.cell("-2+3"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'=1+1", Csv.cell("=1+1"));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("a=b", Csv.cell("a=b"), "only a leading formula character counts");
    }

    @Test
    void aDefendedFormulaWithACommaIsBothPrefixedAndQuoted() {
        assertEquals("\"'=1,2\"", Csv.cell("=1,2"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", Csv.cell("=HYPERLINK(\"http://x\")"));
    }

    @Test
    void numbersAreWrittenAsTheyAreEvenWhenNegative() {
        assertEquals("-5", Csv.cell(-5L));
        assertEquals("0", Csv.cell(0));
        assertEquals("true", Csv.cell(true));
    }
}
