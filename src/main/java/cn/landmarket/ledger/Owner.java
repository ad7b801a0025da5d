package cn.landmarket.ledger;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a ledger account, or an id an invariant names, belongs to: a listing, registration, trade,
 * refund or certificate, each of which lies in one region. A regulator sees only what belongs to its
 * jurisdiction. The platform's own accounts ({@code BANK}, {@code SUSPENSE}, {@code FORFEITED},
 * {@code QUOTA:ISSUED:*}) belong to no region: they are market-wide.
 */
public record Owner(Kind kind, long id) {

    /** The kinds of things that lie in a region. */
    public enum Kind {
        LISTING, REGISTRATION, TRADE, REFUND, CERTIFICATE
    }

    private static final Pattern ACCOUNT = Pattern.compile("^(DEPOSIT|TRADE|REFUND|PROCEEDS|CERT):([0-9]{1,18})(:.*)?$");

    /**
     * The owner of an account by its name: {@code DEPOSIT:<registration>}, {@code TRADE:<trade>},
     * {@code PROCEEDS:<trade>:<party>}, {@code REFUND:<refund>}, {@code CERT:<certificate>:...}.
     *
     * @return empty for a market-wide account or any other name
     */
    public static Optional<Owner> ofAccount(String account) {
        Matcher m = account == null ? null : ACCOUNT.matcher(account);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        String prefix = m.group(1);
        boolean suffixed = m.group(3) != null;
        if (suffixed != (prefix.equals("PROCEEDS") || prefix.equals("CERT"))) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(2));
        Kind kind = switch (prefix) {
            case "DEPOSIT" -> Kind.REGISTRATION;
            case "TRADE", "PROCEEDS" -> Kind.TRADE;
            case "REFUND" -> Kind.REFUND;
            default -> Kind.CERTIFICATE;
        };
        return Optional.of(new Owner(kind, id));
    }
}
