package cn.landmarket.document;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.logging.Level;

import org.jboss.logging.Logger;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;

/**
 * Lays out a document's XHTML as a PDF with openhtmltopdf on PDFBox: the fonts shipped in
 * {@code fonts/} embedded as subsets (DejaVu Sans for Latin letters and digits, Droid Sans Fallback
 * for Chinese), the JDK's sRGB profile as output intent, PDF/A-2u metadata, or PDF/A-3u when files
 * are attached (PDF/A-2 allows only PDF/A files as attachments; PDF/A-3 allows any, associated with
 * the document by {@code /AF}). Plain Java: no Quarkus, no database.
 */
public final class PdfRenderer {

    /** The CSS family of the Latin font; the Chinese one follows it in every font-family list. */
    public static final String LATIN_FAMILY = "DejaVu Sans";
    /** The CSS family of the Chinese font. */
    public static final String CJK_FAMILY = "Droid Sans Fallback";

    private static final byte[] LATIN = resource("fonts/DejaVuSans.ttf");
    private static final byte[] CJK = resource("fonts/DroidSansFallbackFull.ttf");
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** A file attached to the document (a PDF/A-3 associated file). */
    public record Attachment(String name, String mimeType, String description, byte[] content) {
    }

    static {
        XRLog.setLoggerImpl(new LayoutLog());
    }

    private PdfRenderer() {
    }

    /** openhtmltopdf's messages into the service's log, warnings and worse only (it prints timings otherwise). */
    private static final class LayoutLog implements XRLogger {
        private static final Logger LOG = Logger.getLogger("cn.landmarket.document.layout");

        @Override
        public void log(String where, Level level, String msg) {
            log(where, level, msg, null);
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                LOG.error(where + ": " + msg, th);
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                LOG.warn(where + ": " + msg, th);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return diagnostic.getLevel().intValue() >= Level.WARNING.intValue();
        }
    }

    /** The PDF of {@code xhtml} (well-formed XHTML) with {@code attachments} embedded, all made at {@code at}. */
    public static byte[] render(String xhtml, List<Attachment> attachments, Calendar at) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfAConformance(attachments.isEmpty() ? PdfAConformance.PDFA_2_U : PdfAConformance.PDFA_3_U);
        builder.useColorProfile(SRGB);
        builder.useFont(() -> new ByteArrayInputStream(LATIN), LATIN_FAMILY);
        builder.useFont(() -> new ByteArrayInputStream(CJK), CJK_FAMILY);
        builder.withProducer("land-market");
        builder.withHtmlContent(xhtml, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            PDDocument pdf = renderer.createPDFKeepOpen();
            try {
                attach(pdf, attachments, at);
                pdf.save(out);
            } finally {
                pdf.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the document", e);
        }
        return out.toByteArray();
    }

    /** Embeds the files: in the EmbeddedFiles name tree, and in the catalog's /AF as supplements. */
    private static void attach(PDDocument pdf, List<Attachment> attachments, Calendar at) throws IOException {
        if (attachments.isEmpty()) {
            return;
        }
        Map<String, PDComplexFileSpecification> specs = new LinkedHashMap<>();
        COSArray associated = new COSArray();
        for (Attachment a : attachments) {
            PDEmbeddedFile file = new PDEmbeddedFile(pdf, new ByteArrayInputStream(a.content()));
            file.setSubtype(a.mimeType());
            file.setSize(a.content().length);
            file.setCreationDate(at);
            file.setModDate(at);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(a.name());
            spec.setFileUnicode(a.name());
            spec.setFileDescription(a.description());
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Supplement");
            specs.put(a.name(), spec);
            associated.add(spec);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(specs);
        PDDocumentNameDictionary names = pdf.getDocumentCatalog().getNames();
        if (names == null) {
            names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
        }
        names.setEmbeddedFiles(tree);
        pdf.getDocumentCatalog().setNames(names);
        pdf.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    /** A calendar at {@code instant} in {@code zone}, for PDF dates. */
    public static Calendar calendar(java.time.Instant instant, java.time.ZoneId zone) {
        Calendar c = Calendar.getInstance(TimeZone.getTimeZone(zone));
        c.setTimeInMillis(instant.toEpochMilli());
        return c;
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the font " + name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
