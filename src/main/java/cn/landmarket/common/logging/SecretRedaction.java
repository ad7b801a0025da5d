package cn.landmarket.common.logging;

import java.util.List;
import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Last line of defence on the console handler: whatever a library or an exception message puts
 * in a log line, bearer tokens, JWTs and the configured secrets (bank HMAC secret, audit signing
 * key, database password) are replaced by {@code [REDACTED]} before the line is written. The
 * application itself never logs them; this catches what it does not control.
 */
@LoggingFilter(name = "redact-secrets")
public final class SecretRedaction implements Filter {

    static final String MASK = "[REDACTED]";

    /** Shorter configured values are not masked: they would match ordinary words (such as a dev password). */
    static final int MIN_SECRET_LENGTH = 12;

    private static final Pattern TOKENS = Pattern.compile(
            "(?i)(?<scheme>(?:bearer|basic)\\s+)[A-Za-z0-9._~+/=-]{12,}"
                    + "|eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");

    private final List<String> secrets;

    @Inject
    public SecretRedaction(
            @ConfigProperty(name = "market.bank.hmac-secret") Optional<String> bankSecret,
            @ConfigProperty(name = "market.audit.signing-key") Optional<String> signingKey,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> databasePassword) {
        this(List.of(bankSecret, signingKey, databasePassword).stream().flatMap(Optional::stream).toList());
    }

    SecretRedaction(List<String> secrets) {
        this.secrets = secrets.stream().map(String::strip).filter(s -> s.length() >= MIN_SECRET_LENGTH).toList();
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String redacted = redact(message);
        if (redacted != null && !redacted.equals(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redacted);
            }
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && needsRedaction(thrown)) {
            record.setThrown(redacted(thrown, 0));
        }
        return true;
    }

    /** The text with every token and configured secret masked; null stays null. */
    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        Matcher m = TOKENS.matcher(result);
        if (!m.find()) {
            return result;
        }
        StringBuilder out = new StringBuilder();
        do {
            String scheme = m.group("scheme");
            m.appendReplacement(out, Matcher.quoteReplacement((scheme == null ? "" : scheme) + MASK));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private boolean needsRedaction(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(redact(message))) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the chain with masked messages and the original stack traces; depth-limited against cycles. */
    private Throwable redacted(Throwable t, int depth) {
        Throwable cause = t.getCause();
        Throwable redactedCause = cause != null && cause != t && depth < 32 ? redacted(cause, depth + 1) : null;
        Redacted copy = new Redacted(t.getClass().getName(), redact(t.getMessage()), redactedCause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Stands in for an exception whose message held a secret; prints as the original class. */
    static final class Redacted extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String originalClass;

        Redacted(String originalClass, String message, Throwable cause) {
            super(message, cause, false, true);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? originalClass : originalClass + ": " + message;
        }
    }
}
