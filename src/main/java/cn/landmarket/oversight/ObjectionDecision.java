package cn.landmarket.oversight;

/** A regulator's answer to an objection. */
public enum ObjectionDecision {
    /** Well founded (异议成立): the objection becomes UPHELD. */
    UPHOLD,
    /** Not well founded (异议不成立): the objection becomes REJECTED. */
    REJECT;

    /** The objection's status after this answer. */
    public ObjectionStatus outcome() {
        return this == UPHOLD ? ObjectionStatus.UPHELD : ObjectionStatus.REJECTED;
    }
}
