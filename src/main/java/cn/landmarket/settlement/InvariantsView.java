package cn.landmarket.settlement;

import java.util.List;

/** Every invariant of the books with its verdict and the ids that break it. */
public record InvariantsView(boolean allPass, List<Check> checks) {

    /** One invariant. */
    public record Check(String name, boolean pass, List<String> offending) {
    }
}
