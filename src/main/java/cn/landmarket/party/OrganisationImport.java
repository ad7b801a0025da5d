package cn.landmarket.party;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.landmarket.common.error.Message;
import cn.landmarket.common.error.MessageKey;

/**
 * The bulk import of counties and townships (domain.md, "Organisations"): reads a CSV of division
 * codes and names in the form the statistics bureau publishes, and decides row by row what
 * registering it would do, given what the registry already holds. Plain Java: the service looks the
 * codes up, asks for the plan and applies it only when no row is invalid.
 *
 * <p>The file: UTF-8 (a byte order mark is ignored), one row per line, two comma-separated columns
 * (division code, name; either may be quoted, {@code ""} is a quote), blank lines ignored, an
 * optional header as the first line (recognised by a first column without digits). Codes of 6, 9
 * or 12 digits: a 12-digit statistical code ({@code 510722101000}) is read as its first 9 digits
 * when its last three are {@code 000}, and a 9-digit code ending in {@code 000} as its first 6; so
 * {@code 510722000000} is county 510722. A 6-digit county-level code is a county, a 9-digit
 * township code a township; province and prefecture rows ({@code 510000}, {@code 510700}) and
 * 12-digit village rows are skipped, not refused, so the bureau's file can be sent as it is.
 */
public final class OrganisationImport {

    /** What the import does with one row. */
    public enum ImportOutcome { CREATE, RENAME, UNCHANGED, SKIPPED, INVALID }

    /** Why a row is left alone. */
    public enum SkipReason {
        /** A province- or prefecture-level code: at that level there are regulators, registered one by one. */
        ABOVE_COUNTY,
        /** A 12-digit village-level code. */
        BELOW_TOWNSHIP,
        /** The organisation is registered and deactivated: an import neither renames nor reactivates it. */
        DEACTIVATED
    }

    /** What the registry holds under a code. */
    public record Known(String name, boolean active) {
    }

    /**
     * One line as read: its number (from 1), the code as written and as normalised (6 or 9 digits),
     * what it names, the name, and why it is skipped or what is wrong with it.
     */
    public record Line(int number, String writtenCode, String code, OrganisationKind kind, String name, SkipReason skip,
            Message error) {
    }

    /** The file as read: its SHA-256, whether it had a header, its data lines, and a fault of the whole file. */
    public record Read(String sha256, boolean header, List<Line> lines, Message fileError) {

        /** The counties the file names: its county rows and the counties of its township rows. */
        public Set<String> countyCodes() {
            Set<String> codes = new LinkedHashSet<>();
            for (Line line : lines) {
                if (line.kind() == OrganisationKind.COUNTY) {
                    codes.add(line.code());
                } else if (line.kind() == OrganisationKind.TOWNSHIP) {
                    codes.add(line.code().substring(0, COUNTY_DIGITS));
                }
            }
            return codes;
        }

        /** The townships the file names. */
        public Set<String> townshipCodes() {
            Set<String> codes = new LinkedHashSet<>();
            for (Line line : lines) {
                if (line.kind() == OrganisationKind.TOWNSHIP) {
                    codes.add(line.code());
                }
            }
            return codes;
        }
    }

    /** The decision for one data line. */
    public record Row(int line, String code, OrganisationKind kind, String name, ImportOutcome outcome, String previousName,
            SkipReason skip, Message error) {
    }

    /** One error of the plan: the line it is on and what is wrong. */
    public record Error(int line, Message message) {
    }

    /** The decision for every data line of a file. */
    public record Plan(String sha256, boolean header, List<Row> rows, Message fileError) {

        /** True when the import may be applied: the file has rows and none is invalid. */
        public boolean valid() {
            return fileError == null && rows.stream().noneMatch(r -> r.outcome() == ImportOutcome.INVALID);
        }

        /** Every error, in line order: the fault of the whole file (on line 1), else one per invalid row. */
        public List<Error> errors() {
            if (fileError != null) {
                return List.of(new Error(1, fileError));
            }
            return rows.stream().filter(r -> r.outcome() == ImportOutcome.INVALID).map(r -> new Error(r.line(), r.error()))
                    .toList();
        }

        public int count(OrganisationKind kind, ImportOutcome outcome) {
            return (int) rows.stream().filter(r -> r.kind() == kind && r.outcome() == outcome).count();
        }

        public int count(ImportOutcome outcome) {
            return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    static final int COUNTY_DIGITS = 6;
    static final int TOWNSHIP_DIGITS = 9;
    static final int STATISTICAL_DIGITS = 12;
    private static final int COLUMNS = 2;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private OrganisationImport() {
    }

    /**
     * Reads the file line by line; every line that is not blank (and not the header) becomes a
     * {@link Line}, with at most one error: not UTF-8, not CSV, not two columns, a code that is not
     * 6, 9 or 12 digits or not a county or township of a valid province, a bad name, or a code seen
     * on an earlier line. A file in UTF-16 is refused as a whole; so is one without data lines.
     */
    public static Read read(byte[] csv) {
        String sha256 = sha256(csv);
        if (csv.length >= 2 && (csv[0] == (byte) 0xFF && csv[1] == (byte) 0xFE
                || csv[0] == (byte) 0xFE && csv[1] == (byte) 0xFF)) {
            return new Read(sha256, false, List.of(), Message.of(MessageKey.IMPORT_NOT_UTF8));
        }
        int start = startsWith(csv, UTF8_BOM) ? UTF8_BOM.length : 0;
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean header = false;
        boolean first = true;
        int number = 0;
        int from = start;
        while (from <= csv.length) {
            int end = indexOf(csv, (byte) '\n', from);
            int to = end < 0 ? csv.length : end;
            number++;
            int length = to - from;
            if (length > 0 && csv[to - 1] == '\r') {
                length--;
            }
            Line line = line(number, csv, from, length, first, seen);
            if (line != null) {
                if (first && line.kind() == null && line.error() == null && line.skip() == null) {
                    header = true;
                } else {
                    lines.add(line);
                }
                first = false;
            }
            if (end < 0) {
                break;
            }
            from = end + 1;
        }
        Message fileError = lines.isEmpty() ? Message.of(MessageKey.IMPORT_EMPTY) : null;
        return new Read(sha256, header, List.copyOf(lines), fileError);
    }

    /**
     * Decides each line against what the registry holds ({@code counties} and {@code townships} by
     * code, at least those {@link Read#countyCodes()} and {@link Read#townshipCodes()} name): a new
     * code is created, a registered one renamed or unchanged, a deactivated one skipped. A new
     * township needs its county (the first six digits) active in the registry or created or kept by a
     * row of the same file; otherwise the row is invalid.
     */
    public static Plan plan(Read read, Map<String, Known> counties, Map<String, Known> townships) {
        Set<String> countiesInFile = new java.util.HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (Line line : read.lines()) {
            Row row = line.kind() == OrganisationKind.COUNTY && line.error() == null ? existing(line, counties) : null;
            if (row != null && row.outcome() != ImportOutcome.SKIPPED) {
                countiesInFile.add(line.code());
            }
        }
        for (Line line : read.lines()) {
            if (line.error() != null) {
                rows.add(row(line, ImportOutcome.INVALID, null, line.error()));
            } else if (line.skip() != null) {
                rows.add(row(line, ImportOutcome.SKIPPED, null, null));
            } else if (line.kind() == OrganisationKind.COUNTY) {
                rows.add(existing(line, counties));
            } else {
                Row existing = existing(line, townships);
                if (existing.outcome() != ImportOutcome.CREATE) {
                    rows.add(existing);
                    continue;
                }
                String county = line.code().substring(0, COUNTY_DIGITS);
                Known known = counties.get(county);
                if (countiesInFile.contains(county) || known != null && known.active()) {
                    rows.add(existing);
                } else {
                    MessageKey why = known == null ? MessageKey.IMPORT_COUNTY_UNKNOWN : MessageKey.IMPORT_COUNTY_DEACTIVATED;
                    rows.add(row(line, ImportOutcome.INVALID, null, Message.of(why, county)));
                }
            }
        }
        return new Plan(read.sha256(), read.header(), List.copyOf(rows), read.fileError());
    }

    /** The outcome of a valid county or township line by what the registry holds under its code. */
    private static Row existing(Line line, Map<String, Known> registered) {
        Known known = registered.get(line.code());
        if (known == null) {
            return row(line, ImportOutcome.CREATE, null, null);
        }
        if (!known.active()) {
            return new Row(line.number(), line.code(), line.kind(), line.name(), ImportOutcome.SKIPPED, null, SkipReason.DEACTIVATED,
                    null);
        }
        return known.name().equals(line.name())
                ? row(line, ImportOutcome.UNCHANGED, null, null)
                : row(line, ImportOutcome.RENAME, known.name(), null);
    }

    private static Row row(Line line, ImportOutcome outcome, String previousName, Message error) {
        return new Row(line.number(), line.code() == null ? line.writtenCode() : line.code(), line.kind(), line.name(),
                outcome, previousName, line.skip(), error);
    }

    /** One line; null when it is blank. A header candidate is a first line whose first column has no digit. */
    private static Line line(int number, byte[] csv, int from, int length, boolean first, Map<String, Integer> seen) {
        String text;
        try {
            text = decode(csv, from, length);
        } catch (CharacterCodingException e) {
            return error(number, null, Message.of(MessageKey.IMPORT_NOT_UTF8));
        }
        if (text.isBlank()) {
            return null;
        }
        Optional<List<String>> parsed = fields(text);
        if (parsed.isEmpty()) {
            return error(number, null, Message.of(MessageKey.IMPORT_MALFORMED));
        }
        List<String> fields = parsed.get();
        String written = fields.get(0);
        if (first && !written.isEmpty() && written.chars().noneMatch(Character::isDigit)) {
            return new Line(number, written, null, null, null, null, null);
        }
        if (fields.size() != COLUMNS) {
            return error(number, written, Message.of(MessageKey.IMPORT_COLUMNS, fields.size()));
        }
        if (!isAsciiDigits(written) || written.length() != COUNTY_DIGITS && written.length() != TOWNSHIP_DIGITS
                && written.length() != STATISTICAL_DIGITS) {
            return error(number, written, Message.of(MessageKey.IMPORT_CODE_FORMAT, written));
        }
        String code = written;
        if (code.length() == STATISTICAL_DIGITS) {
            if (!code.endsWith("000")) {
                return new Line(number, written, code, null, fields.get(1), SkipReason.BELOW_TOWNSHIP, null);
            }
            code = code.substring(0, TOWNSHIP_DIGITS);
        }
        if (code.length() == TOWNSHIP_DIGITS && code.endsWith("000")) {
            code = code.substring(0, COUNTY_DIGITS);
        }
        OrganisationKind kind;
        if (code.length() == COUNTY_DIGITS) {
            if (!DivisionCode.isDivision(code)) {
                return error(number, written, Message.of(MessageKey.IMPORT_CODE_INVALID, written));
            }
            if (!DivisionCode.isCounty(code)) {
                return new Line(number, written, code, null, fields.get(1), SkipReason.ABOVE_COUNTY, null);
            }
            kind = OrganisationKind.COUNTY;
        } else {
            if (!DivisionCode.isTownship(code)) {
                return error(number, written, Message.of(MessageKey.IMPORT_CODE_INVALID, written));
            }
            kind = OrganisationKind.TOWNSHIP;
        }
        String name = fields.get(1);
        Optional<Message> badName = kind.checkName(name);
        if (badName.isPresent()) {
            return new Line(number, written, code, kind, name, null, badName.get());
        }
        Integer earlier = seen.putIfAbsent(code, number);
        if (earlier != null) {
            return new Line(number, written, code, kind, name, null,
                    Message.of(MessageKey.IMPORT_DUPLICATE, code, earlier));
        }
        return new Line(number, written, code, kind, name.strip(), null, null);
    }

    private static Line error(int number, String written, Message error) {
        return new Line(number, written, null, null, null, null, error);
    }

    /**
     * The fields of one CSV line (RFC 4180 without line breaks inside quotes), each stripped of
     * surrounding white space; empty when a quoted field is not closed or text follows its quote.
     */
    static Optional<List<String>> fields(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            StringBuilder field = new StringBuilder();
            while (i < n && line.charAt(i) != ',' && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                if (!closed) {
                    return Optional.empty();
                }
                while (i < n && line.charAt(i) != ',' && Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    return Optional.empty();
                }
                fields.add(field.toString().strip());
            } else {
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i));
                    i++;
                }
                fields.add(field.toString().strip());
            }
            if (i < n && line.charAt(i) == ',') {
                i++;
                continue;
            }
            return Optional.of(fields);
        }
    }

    private static String decode(byte[] bytes, int from, int length) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, from, length));
        return chars.toString();
    }

    private static boolean isAsciiDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
