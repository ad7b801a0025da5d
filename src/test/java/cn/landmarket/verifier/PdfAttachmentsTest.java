package cn.landmarket.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.Test;

import cn.landmarket.document.PdfRenderer;

/** The verifier reads a PDF's embedded files without a PDF library, stored as is or compressed. */
class PdfAttachmentsTest {

    private static final byte[] JSON = "{\"format\":\"x\",\"text\":\"成交确认书\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TEXT = "trade=1\nprice_fen=2200000000\n".getBytes(StandardCharsets.UTF_8);

    private static byte[] pdf() {
        return PdfRenderer.render("<html><head><title>t</title></head><body><p>附件 attachments</p></body></html>",
                List.of(new PdfRenderer.Attachment("proof.json", "application/json", "proof", JSON),
                        new PdfRenderer.Attachment("confirmation.txt", "text/plain", "text", TEXT)),
                PdfRenderer.calendar(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void embeddedFilesAreReadAsTheRendererStoresThem() {
        List<byte[]> files = PdfAttachments.embeddedFiles(pdf());
        assertEquals(2, files.size());
        assertTrue(files.stream().anyMatch(f -> java.util.Arrays.equals(f, JSON)));
        assertTrue(files.stream().anyMatch(f -> java.util.Arrays.equals(f, TEXT)));
    }

    @Test
    void flateCompressedEmbeddedFilesAreInflated() throws Exception {
        byte[] compressed;
        try (PDDocument doc = Loader.loadPDF(pdf())) {
            for (PDComplexFileSpecification spec : doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .values()) {
                byte[] content = spec.getEmbeddedFile().toByteArray();
                PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(content), COSName.FLATE_DECODE);
                spec.setEmbeddedFile(file);
                spec.setEmbeddedFileUnicode(file);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            compressed = out.toByteArray();
        }
        assertTrue(new String(compressed, StandardCharsets.ISO_8859_1).contains("/FlateDecode"));
        List<byte[]> files = PdfAttachments.embeddedFiles(compressed);
        assertEquals(2, files.size());
        assertArrayEquals(JSON, files.stream().filter(f -> f[0] == '{').findFirst().orElseThrow());
    }

    @Test
    void aFileThatIsNotAPdfIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PdfAttachments.embeddedFiles(JSON));
    }

    @Test
    void aPdfWithoutAProofIsRefusedByTheDocumentCheck() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DocumentProof.check(pdf(), null));
        assertTrue(e.getMessage().contains(DocumentProof.FORMAT), e.getMessage());
    }
}
