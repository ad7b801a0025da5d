package cn.landmarket.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import cn.landmarket.audit.AuditSequencer;
import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.Sequencing;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import cn.landmarket.verifier.DocumentProof;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The documents as PDFs through the API: their Chinese text as extracted from the PDF, the fonts
 * embedded as subsets, the page drawn, each valid PDF/A of the flavour it declares (veraPDF), who
 * may fetch each, the reserve and identities only where the API shows them, and the attached proof
 * checked by the verifier.
 */
@QuarkusTest
@StandardMarket
class DocumentResourceTest {

    private static final String TITLE = "芦溪镇增减挂钩节余指标挂牌出让";

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    AuctionCloser closer;

    @Inject
    SettlementSweep settlement;

    @Inject
    AuditSequencer sequencer;

    private final String township = Tokens.township(TestData.TOWNSHIP_A);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Bidder(String code, String name, long registrationId, String account) {
    }

    /** A verified enterprise registered on the listing; with {@code pay}, its deposit of 4,000,000.00 has arrived. */
    private Bidder register(long listingId, boolean pay) {
        String serial = "P" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String code = data.enterprise(serial, EnterpriseStatus.VERIFIED);
        JsonPath view = given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/listings/" + listingId + "/registrations").then().statusCode(201)
                .extract().jsonPath();
        Bidder b = new Bidder(code, "测试企业" + serial, view.getLong("id"), view.getString("payTo.virtualAccount"));
        if (pay) {
            BankFeed.deliver(BankFeed.credit("DEP-" + b.registrationId(), b.account(), "4000000.00", b.name(),
                    clock.instant())).statusCode(200).body("outcome", equalTo("QUALIFIED"));
        }
        return b;
    }

    /** A sale at 22,000,000.00 (reserve 22,000,000.00) to {@code winner}; the trade is open. Returns the trade id. */
    private long sell(long listingId, Bidder winner) {
        Auctions.bid(winner.code(), listingId, "22000000.00", "doc-" + winner.registrationId()).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        settlement.run();
        return given().auth().oauth2(township).when().get("/api/listings/" + listingId + "/trade").then()
                .statusCode(200).extract().jsonPath().getLong("id");
    }

    private static JsonPath trade(long tradeId) {
        return given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/api/trades/" + tradeId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static ValidatableResponse pdf(String token, String path) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when().get(path).then();
    }

    private static byte[] fetch(String token, String path) {
        return pdf(token, path).statusCode(200).contentType(DocumentResource.PDF).extract().asByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private String key() {
        return given().when().get("/api/audit/key").then().statusCode(200).extract().asString();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void theAnnouncementIsAChinesePdfForAnyoneWithSubsetFontsAndNoReserveBeforeTheClose() throws Exception {
        long draft = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(
                Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000)), 10_000, clock.instant()));
        pdf(null, "/api/documents/announcements/" + draft + ".pdf").statusCode(404)
                .contentType(containsString("problem+json"));
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String listingNo = given().when().get("/api/public/listings/" + id).then().statusCode(200).extract().jsonPath()
                .getString("listingNo");

        byte[] pdf = fetch(null, "/api/documents/announcements/" + id + ".pdf");

        String text = text(pdf);
        for (String fact : List.of("挂牌公告", "编号：" + listingNo, TITLE, "增减挂钩节余指标", "10,000 平方米（15.0000 亩，1.0000 公顷）",
                "20,000,000.00 元（人民币贰仟万元整）", "200,000.00 元（人民币贰拾万元整）", "4,000,000.00 元（人民币肆佰万元整）",
                "30,000,000.00 元（人民币叁仟万元整）", "设有底价（成交前保密", "竞买须知", "300 秒", "挂牌中")) {
            assertTrue(text.contains(fact), () -> "the announcement says " + fact + ":\n" + text);
        }
        assertFalse(text.contains("22,000,000.00"), "the reserve stays secret before the close:\n" + text);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    assertTrue(font.getName().matches("[A-Z]{6}\\+.+"), font.getName() + " is a subset");
                    fonts.add(font.getName());
                }
            }
            assertTrue(fonts.stream().anyMatch(f -> f.endsWith("+DroidSansFallback")), fonts::toString);
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>U"), xmp);
            assertEquals(1, doc.getDocumentCatalog().getOutputIntents().size());
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            int dark = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int rgb = page.getRGB(x, y);
                    if (((rgb >> 16) & 0xFF) < 128 && ((rgb >> 8) & 0xFF) < 128 && (rgb & 0xFF) < 128) {
                        dark++;
                    }
                }
            }
            assertTrue(dark > 2000, "the first page has text drawn on it: " + dark + " dark pixels");
        }
    }

    @Test
    void theConfirmationCarriesTheTextThePartiesAcceptAndAProofThatVerifiesOffline() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder winner = register(id, true);
        long tradeId = sell(id, winner);
        JsonPath trade = trade(tradeId);
        String confirmationText = trade.getString("confirmationText");
        String sha = trade.getString("confirmationSha256");
        Sequencing.settle(sequencer);

        byte[] pdf = fetch(Tokens.enterprise(winner.code()), "/api/documents/confirmations/" + tradeId + ".pdf");

        String text = text(pdf);
        for (String fact : List.of("成交确认书", winner.name(), winner.code(), TestData.TOWNSHIP_A, TITLE,
                "22,000,000.00 元（人民币贰仟贰佰万元整）", "4,000,000.00 元（人民币肆佰万元整）", trade.getString("paymentAccount"),
                "确认书原文", sha, "审计日志证明")) {
            assertTrue(text.contains(fact), () -> "the confirmation says " + fact + ":\n" + text);
        }
        // printed in full (a line longer than the page is wrapped, so compare without white space)
        assertTrue(text.replaceAll("\\s", "").contains(confirmationText.replaceAll("\\s", "")),
                () -> "the confirmation prints its text:\n" + text);
        Map<String, byte[]> files = attachments(pdf);
        assertEquals(confirmationText, new String(files.get("confirmation.txt"), StandardCharsets.UTF_8));
        assertEquals(sha, sha256(files.get("confirmation.txt")));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>3</pdfaid:part>"), xmp);
            assertEquals("http://localhost:8080/api/audit/proof-by-hash?hash=" + createdLeaf(id), qrCode(doc));
        }

        DocumentProof.Result proof = DocumentProof.check(pdf, key());
        assertTrue(proof.ok(), () -> proof.summary() + "\n" + String.join("\n", proof.lines()));
        assertTrue(proof.lines().stream().anyMatch(l -> l.startsWith(
                "proved: 成交价（分） = 2200000000 (trade.created.priceFen) by entry #")), proof.lines()::toString);
        assertTrue(proof.lines().stream().anyMatch(l -> l.startsWith("proved: the attached confirmation text (SHA-256 "
                + sha + ")")), proof.lines()::toString);
        assertTrue(proof.lines().stream().anyMatch(l -> l.startsWith("proved: 竞得人 = " + winner.code())),
                proof.lines()::toString);

        // the text in the PDF is the one the parties accept: its hash is what the API takes from both
        for (String token : List.of(township, Tokens.enterprise(winner.code()))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("sha256", sha256(files.get(
                    "confirmation.txt")))).when().post("/api/trades/" + tradeId + "/confirmations").then().statusCode(200);
        }
        Sequencing.settle(sequencer);
        byte[] signed = fetch(township, "/api/documents/confirmations/" + tradeId + ".pdf");
        DocumentProof.Result both = DocumentProof.check(signed, key());
        assertTrue(both.ok(), () -> both.summary() + "\n" + String.join("\n", both.lines()));
        assertTrue(both.lines().stream().anyMatch(l -> l.startsWith("proved: 甲方确认 = " + TestData.TOWNSHIP_A)),
                both.lines()::toString);
        assertTrue(both.lines().stream().anyMatch(l -> l.startsWith("proved: 乙方确认 = " + winner.code())),
                both.lines()::toString);
    }

    /** The hex leaf hash of the listing's trade.created entry, as the public log serves it. */
    private static String createdLeaf(long listingId) {
        JsonPath entries = given().queryParam("size", 100).when().get("/api/audit/listings/" + listingId + "/entries")
                .then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> e : entries.<Map<String, Object>>getList("entries")) {
            String json = new String(java.util.Base64.getDecoder().decode((String) e.get("entry")), StandardCharsets.UTF_8);
            if (json.contains("\"type\":\"trade.created\"")) {
                return HexFormat.of().formatHex(java.util.Base64.getDecoder().decode((String) e.get("leafHash")));
            }
        }
        throw new AssertionError("no trade.created entry for listing " + listingId);
    }

    @Test
    void aTamperedAttachmentFailsVerification() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder winner = register(id, true);
        long tradeId = sell(id, winner);
        Sequencing.settle(sequencer);
        byte[] pdf = fetch(Tokens.regulator(TestData.CITY_REGULATOR), "/api/documents/confirmations/" + tradeId + ".pdf");
        assertTrue(DocumentProof.check(pdf, key()).ok());
        String proof = new String(attachments(pdf).get("proof.json"), StandardCharsets.UTF_8);
        String text = new String(attachments(pdf).get("confirmation.txt"), StandardCharsets.UTF_8);

        DocumentProof.Result price = DocumentProof.check(replace(pdf, "proof.json",
                proof.replace("\"value\" : 2200000000", "\"value\" : 2100000000")), key());
        assertFalse(price.ok());
        assertTrue(price.summary().contains("2100000000") && price.summary().contains("2200000000"), price.summary());

        String lowerPrice = text.replace("price_fen=2200000000", "price_fen=2100000000");
        String forgedText = proof.replace(jsonString(text), jsonString(lowerPrice));
        DocumentProof.Result textForged = DocumentProof.check(replace(replace(pdf, "proof.json", forgedText),
                "confirmation.txt", lowerPrice), key());
        assertFalse(textForged.ok());
        assertTrue(textForged.summary().contains("confirmation text has SHA-256"), textForged.summary());

        DocumentProof.Result otherText = DocumentProof.check(replace(pdf, "confirmation.txt", lowerPrice), key());
        assertFalse(otherText.ok());
        assertTrue(otherText.summary().contains("differs from the confirmation text"), otherText.summary());

        DocumentProof.Result otherKey = DocumentProof.check(pdf,
                "someone+00000000+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertFalse(otherKey.ok());
        assertTrue(otherKey.summary().contains("not the pinned key"), otherKey.summary());
    }

    private static String jsonString(String s) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
    }

    @Test
    void theConfirmationIsOnlyForThePartiesRegulatorsOfTheRegionAndOperators() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder winner = register(id, true);
        Bidder loser = register(id, true);
        long tradeId = sell(id, winner);
        String path = "/api/documents/confirmations/" + tradeId + ".pdf";

        for (String token : List.of(township, Tokens.enterprise(winner.code()),
                Tokens.regulator(TestData.CITY_REGULATOR), Tokens.operator())) {
            assertTrue(text(fetch(token, path)).contains("成交确认书"));
        }
        pdf(Tokens.enterprise(loser.code()), path).statusCode(404);
        pdf(Tokens.township(TestData.TOWNSHIP_B), path).statusCode(404);
        pdf(Tokens.regulator(TestData.FOREIGN_REGULATOR), path).statusCode(404);
        pdf(null, path).statusCode(401);
        pdf(township, "/api/documents/confirmations/99999999.pdf").statusCode(404);
    }

    @Test
    void theResultIsPublicAfterTheCloseNamesTheBuyerAndReserveAndVerifies() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder winner = register(id, true);
        Auctions.bid(winner.code(), id, "22000000.00", "res-early-" + winner.registrationId()).then().statusCode(201);
        pdf(null, "/api/documents/results/" + id + ".pdf").statusCode(404);
        byte[] before = fetch(null, "/api/documents/announcements/" + id + ".pdf");
        assertFalse(text(before).contains(winner.code()), "no bidder is named during the sale");
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        settlement.run();
        Sequencing.settle(sequencer);

        byte[] pdf = fetch(null, "/api/documents/results/" + id + ".pdf");

        String text = text(pdf);
        for (String fact : List.of("成交结果公示", TITLE, "成交", winner.name(), winner.code(),
                "22,000,000.00 元（人民币贰仟贰佰万元整）", "20,000,000.00 元（人民币贰仟万元整）", "异议", "审计日志证明")) {
            assertTrue(text.contains(fact), () -> "the result says " + fact + ":\n" + text);
        }
        DocumentProof.Result proof = DocumentProof.check(pdf, key());
        assertTrue(proof.ok(), () -> proof.summary() + "\n" + String.join("\n", proof.lines()));
        for (String fact : List.of("proved: 交易结果 = SOLD (listing.sold.to)",
                "proved: 成交价（分） = 2200000000 (listing.sold.winningAmountFen)",
                "proved: 底价（分） = 2200000000 (listing.sold.reservePriceFen)",
                "proved: 竞得人 = " + winner.code() + " (trade.created.buyerCode)")) {
            assertTrue(proof.lines().stream().anyMatch(l -> l.startsWith(fact)), () -> fact + " in " + proof.lines());
        }
        assertTrue(proof.lines().stream().anyMatch(l -> l.startsWith("proved: 挂牌编号 = ")), proof.lines()::toString);
    }

    @Test
    void depositReceiptsAreForTheEnterpriseItselfOnceMoneyArrived() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder paid = register(id, true);
        Bidder unpaid = register(id, false);
        String path = "/api/documents/deposit-receipts/" + id + ".pdf";
        String bidderNo = given().auth().oauth2(Tokens.enterprise(paid.code())).when()
                .get("/api/listings/" + id + "/registrations/mine").then().statusCode(200).extract().jsonPath()
                .getString("bidderNo");
        assertNotNull(bidderNo);

        String text = text(fetch(Tokens.enterprise(paid.code()), path));

        for (String fact : List.of("竞买保证金收款凭证", paid.name(), paid.code(), paid.account(), bidderNo,
                "4,000,000.00 元（人民币肆佰万元整）", "已取得竞买资格")) {
            assertTrue(text.contains(fact), () -> "the receipt says " + fact + ":\n" + text);
        }
        pdf(Tokens.enterprise(unpaid.code()), path).statusCode(409);
        String stranger = data.enterprise("P" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                EnterpriseStatus.VERIFIED);
        pdf(Tokens.enterprise(stranger), path).statusCode(404);
        pdf(township, path).statusCode(403);
        pdf(Tokens.regulator(TestData.CITY_REGULATOR), path).statusCode(403);
    }

    @Test
    void refundReceiptsAreForTheEnterpriseTheRefundIsOwedTo() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder winner = register(id, true);
        Bidder loser = register(id, true);
        sell(id, winner);
        long refundId = data.value(Long.class, "select r.id from Refund r where r.registrationId = ?1",
                loser.registrationId());
        String path = "/api/documents/refund-receipts/" + refundId + ".pdf";

        String text = text(fetch(Tokens.enterprise(loser.code()), path));

        for (String fact : List.of("退款通知", "REFUND-" + refundId, loser.name(), "4,000,000.00 元（人民币肆佰万元整）",
                "未竞得", "待退回")) {
            assertTrue(text.contains(fact), () -> "the refund receipt says " + fact + ":\n" + text);
        }
        pdf(Tokens.enterprise(winner.code()), path).statusCode(404);
        pdf(township, path).statusCode(403);
        pdf(null, path).statusCode(401);
    }

    @Test
    void aPaidRefundsReceiptSaysPaidInFiguresAndWordsWithTheBankReferenceForThePayeeTheCentreAndRegulators()
            throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder winner = register(id, true);
        Bidder loser = register(id, true);
        sell(id, winner);
        long refundId = data.value(Long.class, "select r.id from Refund r where r.registrationId = ?1",
                loser.registrationId());
        String bidderNo = given().auth().oauth2(Tokens.enterprise(loser.code())).when()
                .get("/api/listings/" + id + "/registrations/mine").then().statusCode(200).extract().jsonPath()
                .getString("bidderNo");
        String debit = "BANK-RF-" + refundId;
        clock.advance(Duration.ofDays(1));
        BankFeed.deliver(BankFeed.debit(debit, "4000000.00", loser.name(), "6228480000000000000", "REFUND-" + refundId,
                clock.instant())).statusCode(200).body("outcome", equalTo("REFUND_CONFIRMED"));
        String path = "/api/documents/refund-receipts/" + refundId + ".pdf";

        String text = text(fetch(Tokens.enterprise(loser.code()), path));

        for (String fact : List.of("退款凭证", "REFUND-" + refundId, loser.name(), loser.code(), bidderNo,
                "4,000,000.00 元（人民币肆佰万元整）", "未竞得", "已退回", "银行退款交易", debit, "退回时间", "****0000")) {
            assertTrue(text.contains(fact), () -> "the paid refund's receipt says " + fact + ":\n" + text);
        }
        assertFalse(text.contains("待退回"), () -> "a paid refund is not shown as owed:\n" + text);
        // the centre and the region's regulators see it as the refund API shows them: by bidder number
        for (String token : List.of(Tokens.operator(), Tokens.regulator(TestData.CITY_REGULATOR),
                Tokens.regulator(TestData.COUNTY_REGULATOR))) {
            String seen = text(fetch(token, path));
            for (String fact : List.of("退款凭证", "已退回", "4,000,000.00 元（人民币肆佰万元整）", debit, bidderNo)) {
                assertTrue(seen.contains(fact), () -> "the centre's or regulator's copy says " + fact + ":\n" + seen);
            }
            assertFalse(seen.contains(loser.name()) || seen.contains(loser.code()),
                    () -> "no bidder identity beyond the refund API's view:\n" + seen);
        }
        pdf(Tokens.enterprise(winner.code()), path).statusCode(404).contentType(containsString("problem+json"));
        pdf(Tokens.regulator(TestData.FOREIGN_REGULATOR), path).statusCode(404)
                .contentType(containsString("problem+json"));
        pdf(township, path).statusCode(403);
        pdf(null, path).statusCode(401);
        pdf(Tokens.operator(), "/api/documents/refund-receipts/99999999.pdf").statusCode(404);
    }

    @Test
    void everyDocumentIsValidPdfAOfTheFlavourItDeclaresWithItsChineseAsText() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder winner = register(id, true);
        Bidder loser = register(id, true);
        Map<String, byte[]> docs = new java.util.LinkedHashMap<>();
        docs.put("announcement", fetch(null, "/api/documents/announcements/" + id + ".pdf"));
        docs.put("deposit receipt", fetch(Tokens.enterprise(winner.code()), "/api/documents/deposit-receipts/" + id + ".pdf"));
        long tradeId = sell(id, winner);
        Sequencing.settle(sequencer);
        docs.put("result", fetch(null, "/api/documents/results/" + id + ".pdf"));
        docs.put("confirmation", fetch(Tokens.enterprise(winner.code()), "/api/documents/confirmations/" + tradeId + ".pdf"));
        long refundId = data.value(Long.class, "select r.id from Refund r where r.registrationId = ?1",
                loser.registrationId());
        String refund = "/api/documents/refund-receipts/" + refundId + ".pdf";
        docs.put("refund owed", fetch(Tokens.enterprise(loser.code()), refund));
        BankFeed.deliver(BankFeed.debit("PDFA-RF-" + refundId, "4000000.00", loser.name(), "6228480000000000000",
                "REFUND-" + refundId, clock.instant())).statusCode(200).body("outcome", equalTo("REFUND_CONFIRMED"));
        docs.put("refund paid", fetch(Tokens.enterprise(loser.code()), refund));
        docs.put("refund paid, the centre's", fetch(Tokens.operator(), refund));
        Map<String, PDFAFlavour> flavour = Map.of("result", PDFAFlavour.PDFA_3_U, "confirmation", PDFAFlavour.PDFA_3_U);
        Map<String, List<String>> phrases = Map.of(
                "announcement", List.of("挂牌公告", TITLE, "竞买须知", "竞买保证金", "人民币贰仟万元整"),
                "deposit receipt", List.of("竞买保证金收款凭证", winner.name(), "已取得竞买资格", "人民币肆佰万元整"),
                "result", List.of("成交结果公示", TITLE, "交易结果", "人民币贰仟贰佰万元整", "审计日志证明"),
                "confirmation", List.of("成交确认书", "出让方（甲方）", "竞得人（乙方）", "确认书原文", "人民币贰仟贰佰万元整"),
                "refund owed", List.of("退款通知", loser.name(), "待退回", "人民币肆佰万元整"),
                "refund paid", List.of("退款凭证", loser.name(), "已退回", "银行退款交易", "人民币肆佰万元整"),
                "refund paid, the centre's", List.of("退款凭证", "已退回", "不显示竞买人身份", "人民币肆佰万元整"));

        for (Map.Entry<String, byte[]> doc : docs.entrySet()) {
            String name = doc.getKey();
            PdfA.Report report = PdfA.validate(doc.getValue());
            assertEquals(flavour.getOrDefault(name, PDFAFlavour.PDFA_2_U), report.declared(),
                    () -> "the " + name + " declares its flavour: " + report.describe());
            assertTrue(report.failures().isEmpty(), () -> "the " + name + " is valid PDF/A: " + report.describe());
            String text = text(doc.getValue());
            for (String phrase : phrases.get(name)) {
                assertTrue(text.contains(phrase), () -> "the " + name + " says " + phrase + " as text:\n" + text);
            }
            assertEquals("", garbage(text), () -> "the " + name + "'s text has no unmapped glyphs:\n" + text);
        }
    }

    /**
     * The characters of extracted text that no template writes: U+FFFD and private-use code points
     * (glyphs without a Unicode mapping) and control characters other than line breaks and tabs.
     */
    private static String garbage(String text) {
        StringBuilder found = new StringBuilder();
        text.codePoints().filter(c -> c == 0xFFFD || Character.getType(c) == Character.PRIVATE_USE
                || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'))
                .forEach(c -> found.append(String.format("U+%04X ", c)));
        return found.toString();
    }

    // ---- PDF helpers ----------------------------------------------------------------------------

    /** The embedded files by name. */
    private static Map<String, byte[]> attachments(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Map<String, byte[]> out = new java.util.HashMap<>();
            PDEmbeddedFilesNameTreeNode tree = doc.getDocumentCatalog().getNames().getEmbeddedFiles();
            for (Map.Entry<String, PDComplexFileSpecification> e : tree.getNames().entrySet()) {
                out.put(e.getKey(), e.getValue().getEmbeddedFile().toByteArray());
            }
            return out;
        }
    }

    /** The PDF with the embedded file {@code name} replaced by {@code content}, saved again by PDFBox. */
    private static byte[] replace(byte[] pdf, String name, String content) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDComplexFileSpecification spec = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get(name);
            PDEmbeddedFile file = new PDEmbeddedFile(doc,
                    new java.io.ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), COSName.FLATE_DECODE);
            file.setSubtype(spec.getEmbeddedFile().getSubtype());
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The text of the QR code drawn on the document's pages. */
    private static String qrCode(PDDocument doc) throws Exception {
        for (PDPage page : doc.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    BufferedImage img = image.getImage();
                    int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
                    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)))).getText();
                }
            }
        }
        throw new AssertionError("no image on the pages");
    }
}
