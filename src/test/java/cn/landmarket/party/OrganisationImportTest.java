package cn.landmarket.party;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.landmarket.common.error.Message;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.party.OrganisationImport.ImportOutcome;
import cn.landmarket.party.OrganisationImport.Known;
import cn.landmarket.party.OrganisationImport.Plan;
import cn.landmarket.party.OrganisationImport.Row;
import cn.landmarket.party.OrganisationImport.SkipReason;

/** The bulk import's reading and planning rules, every kind of bad row included, without Quarkus. */
class OrganisationImportTest {

    private static final Map<String, Known> NONE = Map.of();

    private static Plan plan(String csv) {
        return plan(csv.getBytes(StandardCharsets.UTF_8), NONE, NONE);
    }

    private static Plan plan(byte[] csv, Map<String, Known> counties, Map<String, Known> townships) {
        return OrganisationImport.plan(OrganisationImport.read(csv), counties, townships);
    }

    private static Row only(Plan plan) {
        assertEquals(1, plan.rows().size(), plan.rows()::toString);
        return plan.rows().get(0);
    }

    /** The one row of a file holding a valid county and the given line, checked to be invalid. */
    private static Message errorOf(String line) {
        Plan plan = plan("510722,三台县\n" + line + "\n");
        assertEquals(2, plan.rows().size(), plan.rows()::toString);
        Row row = plan.rows().get(1);
        assertEquals(ImportOutcome.INVALID, row.outcome(), row::toString);
        assertEquals(2, row.line());
        assertFalse(plan.valid());
        return row.error();
    }

    // ---- reading -------------------------------------------------------------------------------

    @Test
    void countiesAndTownshipsAreCreatedWhenNothingIsRegistered() {
        Plan plan = plan("510722,三台县\n510722101,芦溪镇\n510722102,刘营镇\n");
        assertTrue(plan.valid());
        assertEquals(List.of(), plan.errors());
        assertEquals(3, plan.rows().size());
        assertEquals(1, plan.count(OrganisationKind.COUNTY, ImportOutcome.CREATE));
        assertEquals(2, plan.count(OrganisationKind.TOWNSHIP, ImportOutcome.CREATE));
        Row township = plan.rows().get(1);
        assertEquals(2, township.line());
        assertEquals("510722101", township.code());
        assertEquals(OrganisationKind.TOWNSHIP, township.kind());
        assertEquals("芦溪镇", township.name());
        assertFalse(plan.header());
    }

    @Test
    void aHeaderRowInEnglishOrChineseIsRecognisedAndNotCounted() {
        for (String header : List.of("code,name", "统计用区划代码,名称", "\"division code\",\"name\"", "代码")) {
            Plan plan = plan(header + "\n510722,三台县\n");
            assertTrue(plan.header(), header);
            assertEquals(1, plan.rows().size(), header);
            assertEquals(2, plan.rows().get(0).line(), "line numbers count the header: " + header);
            assertTrue(plan.valid(), header);
        }
    }

    @Test
    void aFirstRowWithDigitsInItsCodeIsDataNotAHeader() {
        Plan plan = plan("51072X,三台县\n510722,三台县\n");
        assertFalse(plan.header());
        assertEquals(2, plan.rows().size());
        assertEquals(MessageKey.IMPORT_CODE_FORMAT, plan.rows().get(0).error().key());
        assertEquals(Message.of(MessageKey.IMPORT_CODE_FORMAT, "51072X"), plan.rows().get(0).error());
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        byte[] text = "code,name\r\n510722,三台县\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Plan plan = plan(withBom, NONE, NONE);
        assertTrue(plan.header());
        assertTrue(plan.valid(), plan::toString);
        assertEquals("510722", only(plan).code());
        assertEquals("三台县", only(plan).name(), "no carriage return is left on the name");
    }

    @Test
    void blankLinesAreIgnoredAndLineNumbersStayPhysical() {
        Plan plan = plan("\n510722,三台县\n   \n\n510722101,芦溪镇");
        assertEquals(List.of(2, 5), plan.rows().stream().map(Row::line).toList());
        assertTrue(plan.valid());
    }

    @Test
    void quotedFieldsWithCommasQuotesAndSurroundingSpaceAreRead() {
        Plan plan = plan(" \"510722\" , \"三台县 \"\"老城\"\", 东\" \n510722101,\u3000芦溪镇\u3000\n");
        assertTrue(plan.valid(), () -> plan.errors().toString());
        assertEquals("510722", plan.rows().get(0).code());
        assertEquals("三台县 \"老城\", 东", plan.rows().get(0).name());
        assertEquals("芦溪镇", plan.rows().get(1).name(), "ideographic spaces around a name are stripped");
    }

    @Test
    void twelveDigitStatisticalCodesAreReadAsTheirCountyOrTownship() {
        Plan plan = plan("""
                510000000000,四川省
                510700000000,绵阳市
                510722000000,三台县
                510722101000,芦溪镇
                510722101001,某村委会
                """);
        assertTrue(plan.valid(), () -> plan.errors().toString());
        List<Row> rows = plan.rows();
        assertEquals(ImportOutcome.SKIPPED, rows.get(0).outcome());
        assertEquals(SkipReason.ABOVE_COUNTY, rows.get(0).skip());
        assertEquals(SkipReason.ABOVE_COUNTY, rows.get(1).skip());
        assertEquals("510722", rows.get(2).code());
        assertEquals(OrganisationKind.COUNTY, rows.get(2).kind());
        assertEquals(ImportOutcome.CREATE, rows.get(2).outcome());
        assertEquals("510722101", rows.get(3).code());
        assertEquals(OrganisationKind.TOWNSHIP, rows.get(3).kind());
        assertEquals(ImportOutcome.CREATE, rows.get(3).outcome());
        assertEquals(ImportOutcome.SKIPPED, rows.get(4).outcome());
        assertEquals(SkipReason.BELOW_TOWNSHIP, rows.get(4).skip());
        assertEquals(3, plan.count(ImportOutcome.SKIPPED));
    }

    @Test
    void provinceAndPrefectureRowsOfSixDigitsAreSkippedAndANineDigitCodeEndingInZerosIsACounty() {
        Plan plan = plan("510000,四川省\n510700,绵阳市\n510722000,三台县\n");
        assertEquals(List.of(ImportOutcome.SKIPPED, ImportOutcome.SKIPPED, ImportOutcome.CREATE),
                plan.rows().stream().map(Row::outcome).toList());
        assertEquals("510722", plan.rows().get(2).code());
        assertTrue(plan.valid());
    }

    @Test
    void theFileIsIdentifiedByTheSha256OfItsBytes() {
        assertEquals(64, plan("510722,三台县\n").sha256().length());
        assertEquals(OrganisationImport.sha256("510722,三台县\n".getBytes(StandardCharsets.UTF_8)),
                plan("510722,三台县\n").sha256());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                OrganisationImport.sha256(new byte[0]));
    }

    // ---- bad rows: one error each ----------------------------------------------------------------

    @Test
    void aLineThatIsNotUtf8IsAnError() {
        byte[] gbk = "510722101,芦溪镇\n".getBytes(Charset.forName("GBK"));
        Plan plan = plan(gbk, Map.of("510722", new Known("三台县", true)), NONE);
        assertEquals(Message.of(MessageKey.IMPORT_NOT_UTF8), only(plan).error());
        assertFalse(plan.valid());
    }

    @Test
    void aFileInUtf16IsRefusedAsAWhole() {
        byte[] utf16 = "\uFEFF510722,三台县\n".getBytes(StandardCharsets.UTF_16LE);
        Plan plan = plan(utf16, NONE, NONE);
        assertEquals(List.of(), plan.rows());
        assertEquals(List.of(new OrganisationImport.Error(1, Message.of(MessageKey.IMPORT_NOT_UTF8))), plan.errors());
        assertFalse(plan.valid());
    }

    @Test
    void anEmptyFileOrOneWithOnlyAHeaderIsRefused() {
        for (String csv : List.of("", "\n\n", "code,name\n")) {
            Plan plan = plan(csv);
            assertFalse(plan.valid(), csv);
            assertEquals(List.of(new OrganisationImport.Error(1, Message.of(MessageKey.IMPORT_EMPTY))), plan.errors());
        }
    }

    @Test
    void anUnclosedQuoteOrTextAfterAClosingQuoteIsMalformed() {
        assertEquals(Message.of(MessageKey.IMPORT_MALFORMED), errorOf("510722101,\"芦溪镇"));
        assertEquals(Message.of(MessageKey.IMPORT_MALFORMED), errorOf("\"510722101\"x,芦溪镇"));
    }

    @Test
    void aRowWithoutExactlyTwoColumnsIsAnError() {
        assertEquals(Message.of(MessageKey.IMPORT_COLUMNS, 1), errorOf("510722101"));
        assertEquals(Message.of(MessageKey.IMPORT_COLUMNS, 3), errorOf("510722101,芦溪镇,111"));
        assertEquals(Message.of(MessageKey.IMPORT_COLUMNS, 3), errorOf("510722101,芦溪镇,"));
    }

    @Test
    void aCodeThatIsNotSixNineOrTwelveAsciiDigitsIsAnError() {
        for (String code : List.of("5107221", "51072210", "5107221010", "51072210100", "5107221010000", "51072A101",
                "５１０７２２１０１", "5.10722E+11", "")) {
            assertEquals(Message.of(MessageKey.IMPORT_CODE_FORMAT, code), errorOf(code + ",芦溪镇"), code);
        }
    }

    @Test
    void aCodeOfNoValidProvinceOrATownshipUnderAPrefectureIsAnError() {
        assertEquals(Message.of(MessageKey.IMPORT_CODE_INVALID, "990101"), errorOf("990101,某县"));
        assertEquals(Message.of(MessageKey.IMPORT_CODE_INVALID, "990101101"), errorOf("990101101,某镇"));
        assertEquals(Message.of(MessageKey.IMPORT_CODE_INVALID, "510700101"), errorOf("510700101,某镇"));
        assertEquals(Message.of(MessageKey.IMPORT_CODE_INVALID, "990101101000"), errorOf("990101101000,某镇"));
    }

    @Test
    void aBlankOverlongOrControlCharacterNameIsAnError() {
        assertEquals(Message.of(MessageKey.ORGANISATION_NAME_BLANK), errorOf("510722101,"));
        assertEquals(Message.of(MessageKey.ORGANISATION_NAME_BLANK), errorOf("510722101,\"  \""));
        assertEquals(Message.of(MessageKey.ORGANISATION_NAME_TOO_LONG, 100), errorOf("510722101," + "镇".repeat(101)));
        assertEquals(Message.of(MessageKey.ORGANISATION_NAME_CONTROL), errorOf("510722101,芦溪\t镇"));
        assertEquals(Message.of(MessageKey.ORGANISATION_NAME_CONTROL), errorOf("510722101,芦溪\u0000镇"));
        assertEquals(ImportOutcome.CREATE, plan("510722,三台县\n510722101," + "镇".repeat(100) + "\n").rows().get(1)
                .outcome(), "100 characters is the most a name may have");
    }

    @Test
    void aCodeAlreadyOnAnEarlierLineIsAnErrorNamingThatLine() {
        assertEquals(Message.of(MessageKey.IMPORT_DUPLICATE, "510722", 1), errorOf("510722,三台县"));
        assertEquals(Message.of(MessageKey.IMPORT_DUPLICATE, "510722", 1), errorOf("510722000000,三台县"));
        Plan plan = plan("510722,三台县\n510722101,芦溪镇\n\n510722101000,芦溪镇\n");
        assertEquals(Message.of(MessageKey.IMPORT_DUPLICATE, "510722101", 2), plan.rows().get(2).error());
        assertEquals(4, plan.rows().get(2).line());
    }

    @Test
    void aNewTownshipWhoseCountyIsNeitherRegisteredNorInTheFileIsAnError() {
        Plan plan = plan("510722101,芦溪镇\n");
        assertEquals(Message.of(MessageKey.IMPORT_COUNTY_UNKNOWN, "510722"), only(plan).error());
        assertEquals(ImportOutcome.INVALID, only(plan).outcome());
        assertEquals(List.of(new OrganisationImport.Error(1, Message.of(MessageKey.IMPORT_COUNTY_UNKNOWN, "510722"))),
                plan.errors());
    }

    @Test
    void aNewTownshipOfADeactivatedCountyIsAnError() {
        Plan plan = plan("510722101,芦溪镇\n".getBytes(StandardCharsets.UTF_8),
                Map.of("510722", new Known("三台县", false)), NONE);
        assertEquals(Message.of(MessageKey.IMPORT_COUNTY_DEACTIVATED, "510722"), only(plan).error());
        Plan again = plan("510722,三台县\n510722101,芦溪镇\n".getBytes(StandardCharsets.UTF_8),
                Map.of("510722", new Known("三台县", false)), NONE);
        assertEquals(SkipReason.DEACTIVATED, again.rows().get(0).skip(), "the file does not reactivate the county");
        assertEquals(Message.of(MessageKey.IMPORT_COUNTY_DEACTIVATED, "510722"), again.rows().get(1).error());
    }

    @Test
    void aNewTownshipOfACountyWhoseOwnRowIsInvalidIsAnErrorToo() {
        Plan plan = plan("510722,\n510722101,芦溪镇\n");
        assertEquals(Message.of(MessageKey.ORGANISATION_NAME_BLANK), plan.rows().get(0).error());
        assertEquals(Message.of(MessageKey.IMPORT_COUNTY_UNKNOWN, "510722"), plan.rows().get(1).error());
        assertEquals(List.of(1, 2), plan.errors().stream().map(OrganisationImport.Error::line).toList());
    }

    @Test
    void everyBadRowHasItsOwnErrorInLineOrder() {
        Plan plan = plan("code,name\n510722,三台县\nabc,x\n510722101,芦溪镇\n510722102\n510723101,富驿镇\n");
        assertEquals(List.of(3, 5, 6), plan.errors().stream().map(OrganisationImport.Error::line).toList());
        assertEquals(List.of(MessageKey.IMPORT_CODE_FORMAT, MessageKey.IMPORT_COLUMNS, MessageKey.IMPORT_COUNTY_UNKNOWN),
                plan.errors().stream().map(e -> e.message().key()).toList());
        assertEquals(3, plan.count(ImportOutcome.INVALID));
        assertEquals(2, plan.count(ImportOutcome.CREATE));
    }

    // ---- planning against the registry ---------------------------------------------------------

    @Test
    void registeredOrganisationsAreRenamedOrLeftUnchanged() {
        Map<String, Known> counties = Map.of("510722", new Known("三台县", true));
        Map<String, Known> townships = Map.of("510722101", new Known("芦溪乡", true),
                "510722102", new Known("刘营镇", true));
        Plan plan = plan("510722,三台县\n510722101,芦溪镇\n510722102,刘营镇\n".getBytes(StandardCharsets.UTF_8),
                counties, townships);
        assertTrue(plan.valid());
        assertEquals(List.of(ImportOutcome.UNCHANGED, ImportOutcome.RENAME, ImportOutcome.UNCHANGED),
                plan.rows().stream().map(Row::outcome).toList());
        assertEquals("芦溪乡", plan.rows().get(1).previousName());
        assertNull(plan.rows().get(0).previousName());
    }

    @Test
    void aDeactivatedOrganisationIsSkippedNotRenamedNorReactivated() {
        Plan plan = plan("510722101,新名称\n".getBytes(StandardCharsets.UTF_8),
                Map.of("510722", new Known("三台县", true)), Map.of("510722101", new Known("芦溪镇", false)));
        assertEquals(ImportOutcome.SKIPPED, only(plan).outcome());
        assertEquals(SkipReason.DEACTIVATED, only(plan).skip());
        assertTrue(plan.valid());
    }

    @Test
    void aCountyLaterInTheFileSatisfiesItsTownshipsEarlierInIt() {
        Plan plan = plan("510722101,芦溪镇\n510722102,刘营镇\n510722,三台县\n");
        assertTrue(plan.valid(), () -> plan.errors().toString());
        assertEquals(3, plan.count(ImportOutcome.CREATE));
    }

    @Test
    void aRegisteredActiveCountySatisfiesANewTownship() {
        Plan plan = plan("510722101,芦溪镇\n".getBytes(StandardCharsets.UTF_8),
                Map.of("510722", new Known("三台县", true)), NONE);
        assertEquals(ImportOutcome.CREATE, only(plan).outcome());
    }

    @Test
    void theCodesToLookUpAreTheFilesCountiesTheCountiesOfItsTownshipsAndItsTownships() {
        OrganisationImport.Read read = OrganisationImport.read(
                "510722,三台县\n510723101,富驿镇\n510000,四川省\nbad,row\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.Set.of("510722", "510723"), read.countyCodes());
        assertEquals(java.util.Set.of("510723101"), read.townshipCodes());
    }
}
