package cn.landmarket.document;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    @Test
    void chineseTextIsDrawnAndExtractable() throws Exception {
        String html = "<html><head><title>测试</title><style>* { font-family: 'DejaVu Sans', 'Droid Sans Fallback'; }</style></head>"
                + "<body><h1>挂牌公告 No. LS-2026-0001</h1><p>起始价：4,000,000.00 元（肆佰万元整）</p><pre>price_fen=400000000\n</pre></body></html>";
        byte[] pdf = PdfRenderer.render(html, List.of(new PdfRenderer.Attachment("proof.json", "application/json", "proof",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8))), PdfRenderer.calendar(Instant.now(), ZoneId.of("Asia/Shanghai")));
        Files.write(Path.of("target/scratch.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            System.out.println(text); for (var p : doc.getPages()) for (var n : p.getResources().getFontNames()) { var f = p.getResources().getFont(n); System.out.println(f.getName() + " embedded=" + f.isEmbedded()); } System.out.println(doc.getDocumentCatalog().getMetadata() != null ? new String(doc.getDocumentCatalog().getMetadata().toByteArray()) : "no xmp"); System.out.println(doc.getDocumentCatalog().getOutputIntents().size() + " intents, version " + doc.getVersion());
            assertTrue(text.contains("挂牌公告 No. LS-2026-0001"), text);
        }
    }
}
