package cn.landmarket.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import cn.landmarket.document.DocumentContent.ProofBox;
import cn.landmarket.document.DocumentContent.Row;
import cn.landmarket.document.DocumentContent.Section;
import cn.landmarket.document.DocumentContent.Verbatim;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;

/**
 * The renderer without Quarkus: the documents' own template (every part of it used: fact tables,
 * numbered rules, verbatim text, the proof box with its QR code, notes) laid out with the shipped
 * fonts, and the PDF validated by veraPDF against the flavour it declares.
 */
class PdfRendererTest {

    private static final java.util.Calendar AT = PdfRenderer.calendar(Instant.parse("2026-03-02T02:00:00Z"),
            ZoneId.of("Asia/Shanghai"));

    /** The template rendered by a plain Qute engine (the service renders it type-checked by Quarkus). */
    private static String xhtml(DocumentContent doc) throws IOException {
        String template;
        try (InputStream in = PdfRendererTest.class.getClassLoader()
                .getResourceAsStream("templates/DocumentTemplate/document.html")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).build();
        return engine.parse(template).data("doc", doc)
                .data("fonts", "'" + PdfRenderer.LATIN_FAMILY + "', '" + PdfRenderer.CJK_FAMILY + "'").render();
    }

    private static DocumentContent everyPart() {
        String url = "http://localhost:8080/api/audit/proof-by-hash?hash=" + "ab".repeat(32);
        return new DocumentContent("成交确认书", "2026-0001-T7", "某市公共资源交易中心",
                List.of(Section.rows("一、交易双方", List.of(new Row("出让方（甲方）", "芦溪镇人民政府（行政区划代码 510703001）"),
                        new Row("成交价", "22,000,000.00 元（人民币贰仟贰佰万元整）"))),
                        Section.rules("二、双方约定", List.of("双方确认以上成交结果。", "价款付清后，标的登记至乙方名下。"))),
                new Verbatim("三、确认书原文", "以下文本即双方确认的文本。", "listing_no=2026-0001\nprice_fen=2200000000\n",
                        "cd".repeat(32)),
                new ProofBox("四、审计日志证明", List.of("本文件内附 proof.json。"), QrCodes.pngDataUri(url), url),
                List.of("本文件由平台依据其记录生成。"), "生成时间：2026-03-02 10:00");
    }

    @Test
    void aDocumentWithoutAttachmentsIsValidPdfA2u() throws Exception {
        byte[] pdf = PdfRenderer.render(xhtml(everyPart()), List.of(), AT);

        PdfA.Report report = PdfA.validate(pdf);
        assertEquals(PDFAFlavour.PDFA_2_U, report.declared(), report::describe);
        assertTrue(report.failures().isEmpty(), report::describe);
    }

    @Test
    void aDocumentWithAttachmentsIsValidPdfA3u() throws Exception {
        byte[] pdf = PdfRenderer.render(xhtml(everyPart()), List.of(
                new PdfRenderer.Attachment("proof.json", "application/json", "证明", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                new PdfRenderer.Attachment("confirmation.txt", "text/plain", "原文", "listing_no=2026-0001\n"
                        .getBytes(StandardCharsets.UTF_8))), AT);

        PdfA.Report report = PdfA.validate(pdf);
        assertEquals(PDFAFlavour.PDFA_3_U, report.declared(), report::describe);
        assertTrue(report.failures().isEmpty(), report::describe);
    }

    /** The validator is not blind: a document stripped of its output intent and of an attachment's relationship fails. */
    @Test
    void theValidatorFindsWhatAPdfALacks() throws Exception {
        byte[] pdf = PdfRenderer.render(xhtml(everyPart()), List.of(
                new PdfRenderer.Attachment("proof.json", "application/json", "证明", "{}".getBytes(StandardCharsets.UTF_8))),
                AT);
        byte[] broken;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
            doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("proof.json").getCOSObject()
                    .removeItem(COSName.getPDFName("AFRelationship"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            broken = out.toByteArray();
        }

        PdfA.Report report = PdfA.validate(broken);
        assertEquals(PDFAFlavour.PDFA_3_U, report.declared(), report::describe);
        assertTrue(report.failures().containsKey("6.8-3"), () -> "an attachment without AFRelationship: " + report.describe());
        assertTrue(report.failures().containsKey("6.2.4.3-2"), () -> "colours without an output intent: " + report.describe());
    }
}
