package cn.landmarket.audit;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.security.Actor;

/**
 * Who may open the commitments of one scope: implemented by the feature that owns the facts, so the
 * opening follows the same rule as the API that shows them. An implementation is a CDI bean.
 */
public interface CommitmentAuthority {

    /** The scope this authority decides for ({@link Commitment#LISTING}, ...). */
    String scope();

    /**
     * Returns when {@code actor} may read the fact {@code field} of {@code subject}; raises an
     * {@link cn.landmarket.common.error.ApiException} (403, or 404 where the API hides the subject) otherwise.
     */
    void authorise(Actor actor, String subject, String field);

    /** The numeric id a subject names (a listing's, a certificate's); 404 for {@code thing} when it names none. */
    static long idOf(String thing, String subject) {
        try {
            return Long.parseLong(subject);
        } catch (NumberFormatException e) {
            throw ApiException.notFound(thing, subject);
        }
    }
}
