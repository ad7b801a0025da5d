package cn.landmarket.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** The console's last line of defence: tokens and configured secrets never reach the written line. */
class SecretRedactionTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvcGVyYXRvciJ9.c2lnbmF0dXJlLWJ5dGVz";
    private static final String BANK = "bank-secret-0123456789";
    private final SecretRedaction filter = new SecretRedaction(List.of(BANK, "short", "  signing-key-abcdef  "));

    private static ExtLogRecord record(String format, Object... params) {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, format, ExtLogRecord.FormatStyle.PRINTF,
                SecretRedactionTest.class.getName());
        record.setParameters(params);
        return record;
    }

    @Test
    void bearerAndBasicCredentialsAndBareJwtsAreMasked() {
        assertEquals("Authorization: Bearer [REDACTED]", filter.redact("Authorization: Bearer " + JWT));
        assertEquals("authorization=bearer [REDACTED] rest", filter.redact("authorization=bearer abcdefghijklmnop rest"));
        assertEquals("Basic [REDACTED]", filter.redact("Basic b3BlcmF0b3I6c2VjcmV0LXBhc3N3b3Jk"));
        assertEquals("JsonWebSignature->[REDACTED]]", filter.redact("JsonWebSignature->" + JWT + "]"));
        assertEquals("a Bearer token is required", filter.redact("a Bearer token is required"));
    }

    @Test
    void configuredSecretsOfTwelveCharactersOrMoreAreMaskedWherePresent() {
        assertEquals("hmac [REDACTED] and key [REDACTED]!", filter.redact("hmac " + BANK + " and key signing-key-abcdef!"));
        assertEquals("a short word stays", filter.redact("a short word stays"));
        assertNull(filter.redact(null));
    }

    @Test
    void theFormattedMessageIsWhatGetsMasked() {
        ExtLogRecord record = record("header %s from %s", "Bearer " + JWT, "client");
        assertTrue(filter.isLoggable(record));
        assertEquals("header Bearer [REDACTED] from client", record.getFormattedMessage());

        ExtLogRecord clean = record("nothing to hide in %s", "this");
        assertTrue(filter.isLoggable(clean));
        assertEquals("nothing to hide in this", clean.getFormattedMessage());
    }

    @Test
    void exceptionMessagesInTheChainAreMaskedAndTheStackTraceKept() {
        SQLException root = new SQLException("password " + BANK + " rejected");
        IllegalStateException thrown = new IllegalStateException("login failed", root);
        ExtLogRecord record = record("failed");
        record.setThrown(thrown);
        assertTrue(filter.isLoggable(record));

        StringWriter out = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(out));
        String printed = out.toString();
        assertFalse(printed.contains(BANK), printed);
        assertTrue(printed.contains("java.lang.IllegalStateException: login failed"), printed);
        assertTrue(printed.contains("Caused by: java.sql.SQLException: password [REDACTED] rejected"), printed);
        assertTrue(printed.contains("SecretRedactionTest.exceptionMessagesInTheChainAreMaskedAndTheStackTraceKept"),
                printed);

        IllegalStateException harmless = new IllegalStateException("nothing secret");
        ExtLogRecord kept = record("failed");
        kept.setThrown(harmless);
        filter.isLoggable(kept);
        assertSame(harmless, kept.getThrown());
    }
}
