package cn.landmarket.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import cn.landmarket.verifier.DocumentProof;

/** The bundle the service attaches is the format the verifier reads. */
class ProofBundleTest {

    @Test
    void theServiceWritesTheFormatTheVerifierReads() {
        assertEquals(DocumentProof.FORMAT, ProofBundle.FORMAT);
    }
}
