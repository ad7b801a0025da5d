package cn.landmarket.document;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The one XHTML template every document is laid out with ({@code templates/DocumentTemplate/document.html}). */
final class DocumentTemplate {

    private DocumentTemplate() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance document(DocumentContent doc, String fonts);
    }

    /** The document as well-formed XHTML for {@link PdfRenderer}. */
    static String xhtml(DocumentContent doc) {
        return Templates.document(doc, "'" + PdfRenderer.LATIN_FAMILY + "', '" + PdfRenderer.CJK_FAMILY + "'").render();
    }
}
