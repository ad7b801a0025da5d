package cn.landmarket.document;

import java.util.List;

/**
 * What one document says, ready for its template: the title, the number it is filed under, sections
 * of labelled facts and numbered rules, the verbatim text a party accepts (the confirmation), the
 * proof box with its QR code, and closing notes. Every string is final Chinese text.
 */
public record DocumentContent(String title, String number, String issuer, List<Section> sections, Verbatim verbatim,
        ProofBox proof, List<String> notes, String issuedAt) {

    /** A heading with labelled facts, then paragraphs (numbered when {@code numbered}). */
    public record Section(String heading, List<Row> rows, List<String> paragraphs, boolean numbered) {

        public static Section rows(String heading, List<Row> rows) {
            return new Section(heading, rows, List.of(), false);
        }

        public static Section rules(String heading, List<String> paragraphs) {
            return new Section(heading, List.of(), paragraphs, true);
        }
    }

    /** One labelled fact. */
    public record Row(String label, String value) {
    }

    /** A text printed exactly as stored, line for line, with its SHA-256. */
    public record Verbatim(String heading, String intro, String text, String sha256) {
    }

    /** The proof attached to the document: what it covers, the QR code of its public URL and that URL. */
    public record ProofBox(String heading, List<String> lines, String qrDataUri, String url) {
    }
}
