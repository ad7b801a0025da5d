package cn.landmarket.oversight;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One item of a finding's evidence together with its finding: a row of a finding's CSV export. */
record EvidenceRow<F, E>(F finding, E item) {

    /** A row for every item of every finding, in order. */
    static <F, E> List<EvidenceRow<F, E>> of(List<F> findings, Function<F, List<E>> items) {
        List<EvidenceRow<F, E>> rows = new ArrayList<>();
        for (F finding : findings) {
            for (E item : items.apply(finding)) {
                rows.add(new EvidenceRow<>(finding, item));
            }
        }
        return rows;
    }
}
