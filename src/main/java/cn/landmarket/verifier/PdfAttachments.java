package cn.landmarket.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The files embedded in a PDF (its {@code /Type /EmbeddedFile} streams), read from the bytes with
 * no PDF library, so that the verifier stays small and works offline. A stream's dictionary is
 * always written in the clear (streams cannot sit in object streams); its data may be stored as is
 * or with {@code /FlateDecode}. Encrypted PDFs and other filters are refused.
 */
final class PdfAttachments {

    private static final byte[] MARK = ascii("/EmbeddedFile");
    private static final Pattern LENGTH = Pattern.compile("/Length\\s+(\\d+)(\\s+(\\d+)\\s+R)?");
    private static final Pattern FILTER = Pattern.compile("/Filter\\s*(\\[\\s*)?/([A-Za-z0-9]+)");

    private PdfAttachments() {
    }

    /** The decoded contents of every embedded file stream, in file order. */
    static List<byte[]> embeddedFiles(byte[] pdf) {
        if (!startsWith(pdf, 0, ascii("%PDF-"))) {
            throw new IllegalArgumentException("not a PDF file");
        }
        if (indexOf(pdf, ascii("/Encrypt"), 0) >= 0) {
            throw new IllegalArgumentException("the PDF is encrypted");
        }
        List<byte[]> files = new ArrayList<>();
        int at = 0;
        while ((at = indexOf(pdf, MARK, at)) >= 0) {
            int after = at + MARK.length;
            at = after;
            if (after >= pdf.length || !isDelimiter(pdf[after])) {
                continue; // /EmbeddedFiles, the name tree's key
            }
            int objStart = lastIndexOf(pdf, ascii(" obj"), at);
            int streamKeyword = indexOf(pdf, ascii("stream"), after);
            int endObj = indexOf(pdf, ascii("endobj"), after);
            if (objStart < 0 || streamKeyword < 0 || (endObj >= 0 && endObj < streamKeyword)) {
                continue; // the name outside a stream's dictionary
            }
            String dictionary = new String(pdf, objStart, streamKeyword - objStart, StandardCharsets.ISO_8859_1);
            if (!dictionary.matches("(?s).*/Type\\s*/EmbeddedFile\\b.*")) {
                continue;
            }
            int data = streamKeyword + "stream".length();
            if (data < pdf.length && pdf[data] == '\r') {
                data++;
            }
            if (data < pdf.length && pdf[data] == '\n') {
                data++;
            }
            int length = length(pdf, dictionary, data);
            if (data + length > pdf.length) {
                throw new IllegalArgumentException("an embedded file runs past the end of the PDF");
            }
            byte[] raw = java.util.Arrays.copyOfRange(pdf, data, data + length);
            files.add(decode(raw, dictionary));
            at = data + length;
        }
        return files;
    }

    /** The stream's length: direct, or an indirect object read from the file, or up to {@code endstream}. */
    private static int length(byte[] pdf, String dictionary, int data) {
        Matcher m = LENGTH.matcher(dictionary);
        if (m.find()) {
            if (m.group(2) == null) {
                return Integer.parseInt(m.group(1));
            }
            Matcher object = Pattern.compile("(?:^|[\\r\\n ])" + m.group(1) + "\\s+" + m.group(3) + "\\s+obj\\s*(\\d+)")
                    .matcher(new String(pdf, StandardCharsets.ISO_8859_1));
            if (object.find()) {
                return Integer.parseInt(object.group(1));
            }
        }
        int end = indexOf(pdf, ascii("endstream"), data);
        if (end < 0) {
            throw new IllegalArgumentException("an embedded file has no end");
        }
        while (end > data && (pdf[end - 1] == '\n' || pdf[end - 1] == '\r')) {
            end--;
        }
        return end - data;
    }

    private static byte[] decode(byte[] raw, String dictionary) {
        Matcher filter = FILTER.matcher(dictionary);
        if (!filter.find()) {
            return raw;
        }
        if (!filter.group(2).equals("FlateDecode") || dictionary.contains("/DecodeParms")) {
            throw new IllegalArgumentException("an embedded file is stored with an unsupported filter: " + filter.group(2));
        }
        Inflater inflater = new Inflater();
        inflater.setInput(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("an embedded file's compressed data is damaged", e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    private static boolean isDelimiter(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '/' || b == '>' || b == '<' || b == '['
                || b == ']' || b == '(' || b == '%';
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        for (int i = Math.max(0, from); i + what.length <= data.length; i++) {
            if (data[i] == what[0] && startsWith(data, i, what)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] data, byte[] what, int before) {
        for (int i = Math.min(before, data.length) - what.length; i >= 0; i--) {
            if (data[i] == what[0] && startsWith(data, i, what)) {
                return i;
            }
        }
        return -1;
    }
}
