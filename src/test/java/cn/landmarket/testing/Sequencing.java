package cn.landmarket.testing;

import cn.landmarket.audit.AuditSequencer;

/** Drives the audit sequencer from tests. */
public final class Sequencing {

    private Sequencing() {
    }

    /**
     * Sequences until nothing is pending, so that every committed entry is in the tree and signed;
     * retries while the scheduled sequencer (or another instance) holds the lock.
     */
    public static void settle(AuditSequencer sequencer) throws Exception {
        for (int i = 0; i < 500; i++) {
            int moved = sequencer.sequence();
            if (moved == 0) {
                return;
            }
            if (moved < 0) {
                Thread.sleep(10);
            }
        }
        throw new AssertionError("the audit log did not settle");
    }
}
