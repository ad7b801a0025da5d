package cn.landmarket.audit;

/**
 * Decides in one pass over the bytes, without building a tree, whether an entry is exactly what
 * {@link CanonicalJson#encode} writes for an audit entry: an object with the keys actor, facts,
 * time and type (facts an object, the others strings), keys sorted by UTF-16 code units and
 * unique, no whitespace, integers without leading zeros, only the escapes JSON requires, valid
 * UTF-8. Verifiers run it on every entry, so it must cost less than hashing the entry.
 */
public final class CanonicalCheck {

    private static final byte[][] ENTRY_KEYS = {bytes("actor"), bytes("facts"), bytes("time"), bytes("type")};
    private static final int STRING = 1;
    private static final int OBJECT = 2;
    private static final int MAX_DEPTH = 64;

    private final byte[] b;
    private final int end;
    private int pos;

    private CanonicalCheck(byte[] b, int from, int end) {
        this.b = b;
        this.end = end;
        this.pos = from;
    }

    /** Whether {@code entry} is a canonical audit entry. */
    public static boolean isCanonicalEntry(byte[] entry) {
        return isCanonicalEntry(entry, 0, entry.length);
    }

    /** Whether the bytes {@code b[from, to)} are a canonical audit entry (as in a leaf input). */
    public static boolean isCanonicalEntry(byte[] b, int from, int to) {
        try {
            return new CanonicalCheck(b, from, to).entry();
        } catch (Invalid e) {
            return false;
        }
    }

    /** Whether {@code json} is any canonical JSON value (the whole input). */
    public static boolean isCanonical(byte[] json) {
        try {
            CanonicalCheck c = new CanonicalCheck(json, 0, json.length);
            c.value(0);
            return c.pos == json.length;
        } catch (Invalid e) {
            return false;
        }
    }

    private static final class Invalid extends Exception {
        private static final Invalid INSTANCE = new Invalid();

        private Invalid() {
            super(null, null, false, false);
        }
    }

    private boolean entry() throws Invalid {
        expect('{');
        for (int k = 0; k < ENTRY_KEYS.length; k++) {
            if (k > 0) {
                expect(',');
            }
            int start = pos;
            string();
            if (!keyIs(start, ENTRY_KEYS[k])) {
                return false;
            }
            expect(':');
            int kind = value(1);
            if (kind != (k == 1 ? OBJECT : STRING)) {
                return false;
            }
        }
        expect('}');
        return pos == end;
    }

    private boolean keyIs(int start, byte[] key) {
        // start is at the opening quote; the key has no escapes.
        if (pos - start != key.length + 2) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (b[start + 1 + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads one value; returns STRING, OBJECT or 0 for anything else. */
    private int value(int depth) throws Invalid {
        if (depth > MAX_DEPTH || pos >= end) {
            throw Invalid.INSTANCE;
        }
        switch (b[pos]) {
            case '"' -> {
                string();
                return STRING;
            }
            case '{' -> {
                object(depth);
                return OBJECT;
            }
            case '[' -> {
                array(depth);
                return 0;
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> integer();
        }
        return 0;
    }

    private void object(int depth) throws Invalid {
        pos++;
        if (peek() == '}') {
            pos++;
            return;
        }
        int previousStart = -1;
        int previousEnd = -1;
        boolean previousEscaped = false;
        while (true) {
            int start = pos;
            boolean escaped = string();
            if (previousStart >= 0
                    && compareKeys(previousStart, previousEnd, previousEscaped, start, pos, escaped) >= 0) {
                throw Invalid.INSTANCE;
            }
            previousStart = start;
            previousEnd = pos;
            previousEscaped = escaped;
            expect(':');
            value(depth + 1);
            byte c = next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw Invalid.INSTANCE;
            }
        }
    }

    private void array(int depth) throws Invalid {
        pos++;
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            value(depth + 1);
            byte c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw Invalid.INSTANCE;
            }
        }
    }

    /**
     * Orders two encoded keys by UTF-16 code units. Canonical strings escape only below U+0020 and
     * '"' and '\\', so equal escapes decode equally; byte order of UTF-8 is code point order, which
     * differs from UTF-16 order only between U+E000..U+FFFF (lead byte EE or EF) and supplementary
     * characters (lead byte F0..F4).
     */
    private int compareKeys(int aStart, int aEnd, boolean aEscaped, int bStart, int bEnd, boolean bEscaped) {
        if (aEscaped || bEscaped) {
            return decode(aStart, aEnd).compareTo(decode(bStart, bEnd));
        }
        int n = Math.min(aEnd - aStart, bEnd - bStart);
        for (int i = 0; i < n; i++) {
            int x = b[aStart + i] & 0xff;
            int y = b[bStart + i] & 0xff;
            if (x != y) {
                if (x >= 0xf0 && (y == 0xee || y == 0xef)) {
                    return -1;
                }
                if (y >= 0xf0 && (x == 0xee || x == 0xef)) {
                    return 1;
                }
                // A closing quote sorts before any other byte of a longer key, as the shorter key does.
                if (x == '"') {
                    return -1;
                }
                if (y == '"') {
                    return 1;
                }
                return x - y;
            }
        }
        return (aEnd - aStart) - (bEnd - bStart);
    }

    /** The text of an already checked string token [start, end), quotes included. */
    private String decode(int start, int end) {
        StringBuilder out = new StringBuilder();
        int run = start + 1;
        int i = start + 1;
        while (i < end - 1) {
            if (b[i] != '\\') {
                i++;
                continue;
            }
            out.append(new String(b, run, i - run, java.nio.charset.StandardCharsets.UTF_8));
            char e = (char) b[i + 1];
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(new String(b, i + 2, 4, java.nio.charset.StandardCharsets.US_ASCII), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
            i += 2;
            run = i;
        }
        out.append(new String(b, run, end - 1 - run, java.nio.charset.StandardCharsets.UTF_8));
        return out.toString();
    }

    /** Bytes a canonical string holds as they are: printable ASCII except '"' and '\\'. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    /** Reads one string token; returns whether it holds an escape (keys with one compare decoded). */
    private boolean string() throws Invalid {
        expect('"');
        final byte[] in = b;
        final int n = end;
        int p = pos;
        boolean escaped = false;
        while (true) {
            while (p < n && PLAIN[in[p] & 0xff]) {
                p++;
            }
            if (p >= n) {
                throw Invalid.INSTANCE;
            }
            int c = in[p++] & 0xff;
            if (c == '"') {
                pos = p;
                return escaped;
            }
            pos = p;
            if (c == '\\') {
                escaped = true;
                escape();
            } else if (c < 0x20) {
                throw Invalid.INSTANCE;
            } else {
                utf8(c);
            }
            p = pos;
        }
    }

    private void escape() throws Invalid {
        byte c = next();
        switch (c) {
            case '"', '\\', 'b', 'f', 'n', 'r', 't' -> {
            }
            case 'u' -> {
                // Only control characters without a short escape are written as \\u00xx, in lower case.
                if (pos + 4 > end || b[pos] != '0' || b[pos + 1] != '0') {
                    throw Invalid.INSTANCE;
                }
                int hi = b[pos + 2];
                int lo = b[pos + 3];
                if ((hi != '0' && hi != '1') || !((lo >= '0' && lo <= '9') || (lo >= 'a' && lo <= 'f'))) {
                    throw Invalid.INSTANCE;
                }
                int value = (hi - '0') * 16 + (lo <= '9' ? lo - '0' : lo - 'a' + 10);
                if (value == '\b' || value == '\f' || value == '\n' || value == '\r' || value == '\t') {
                    throw Invalid.INSTANCE;
                }
                pos += 4;
            }
            default -> throw Invalid.INSTANCE;
        }
    }

    /** One UTF-8 sequence after its lead byte: no overlong forms, no surrogates, at most U+10FFFF. */
    private void utf8(int lead) throws Invalid {
        int extra;
        int min;
        int cp;
        if (lead >= 0xc2 && lead <= 0xdf) {
            extra = 1;
            min = 0x80;
            cp = lead & 0x1f;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            extra = 2;
            min = 0x800;
            cp = lead & 0x0f;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            extra = 3;
            min = 0x10000;
            cp = lead & 0x07;
        } else {
            throw Invalid.INSTANCE;
        }
        if (pos + extra > end) {
            throw Invalid.INSTANCE;
        }
        for (int i = 0; i < extra; i++) {
            int c = b[pos++] & 0xff;
            if ((c & 0xc0) != 0x80) {
                throw Invalid.INSTANCE;
            }
            cp = (cp << 6) | (c & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            throw Invalid.INSTANCE;
        }
    }

    private void integer() throws Invalid {
        if (peek() == '-') {
            pos++;
            if (peek() == '0') {
                throw Invalid.INSTANCE; // -0 and -0… are not canonical
            }
        }
        int first = pos;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            pos++;
        }
        if (pos == first || (b[first] == '0' && pos - first > 1)) {
            throw Invalid.INSTANCE;
        }
    }

    private void literal(String word) throws Invalid {
        if (pos + word.length() > end) {
            throw Invalid.INSTANCE;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[pos + i] != word.charAt(i)) {
                throw Invalid.INSTANCE;
            }
        }
        pos += word.length();
    }

    private void expect(char c) throws Invalid {
        if (next() != c) {
            throw Invalid.INSTANCE;
        }
    }

    private byte next() throws Invalid {
        if (pos >= end) {
            throw Invalid.INSTANCE;
        }
        return b[pos++];
    }

    private int peek() {
        return pos < end ? b[pos] : -1;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
