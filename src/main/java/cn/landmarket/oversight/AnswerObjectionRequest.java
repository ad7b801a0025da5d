package cn.landmarket.oversight;

/**
 * A regulator's answer to an objection: UPHOLD or REJECT, its reasons (required; at most
 * market.results.objection-max-chars), and, when upholding, whether the settlement of the
 * listing's trade in progress is suspended until the regulator lifts it (false when absent).
 */
public record AnswerObjectionRequest(ObjectionDecision decision, String reasons, Boolean suspendSettlement) {

    /** Whether the answer suspends settlement: only when asked for. */
    public boolean suspends() {
        return Boolean.TRUE.equals(suspendSettlement);
    }
}
