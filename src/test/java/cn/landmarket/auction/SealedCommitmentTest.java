package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SealedCommitmentTest {

    private static final String LISTING = "GT-510722-2026-000123";
    private static final String BIDDER = "K7M2Q9XB";
    private static final String SALT = "0000000000000000000000000000000000000000000000000000000000000001";

    @Test
    void thePreimageIsTheVersionListingBidderAmountInFenAndSaltOnSeparateLines() {
        assertEquals("lm-sealed-v1\nGT-510722-2026-000123\nK7M2Q9XB\n2300000000\n" + SALT,
                SealedCommitment.preimage(LISTING, BIDDER, 2_300_000_000L, SALT));
    }

    @Test
    void theCommitmentIsTheLowerCaseHexSha256OfThePreimage() {
        // computed outside Java: python3 hashlib.sha256(preimage.encode()).hexdigest()
        assertEquals("977447c09b3be148c215f892a8b192da0114b8a833477c84784b9c248762409f",
                SealedCommitment.of(LISTING, BIDDER, 2_300_000_000L, SALT));
        assertEquals("c389954dc5e1585a6dcc331cf7950e9786b3c914eadea828b86d8917f52222c4",
                SealedCommitment.of(LISTING, BIDDER, 1L,
                        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    }

    @Test
    void onlyTheSameListingBidderAmountAndSaltOpenACommitment() {
        String c = SealedCommitment.of(LISTING, BIDDER, 2_300_000_000L, SALT);
        assertTrue(SealedCommitment.opens(c, LISTING, BIDDER, 2_300_000_000L, SALT));
        assertFalse(SealedCommitment.opens(c, LISTING, BIDDER, 2_300_000_001L, SALT));
        assertFalse(SealedCommitment.opens(c, LISTING, "K7M2Q9XC", 2_300_000_000L, SALT));
        assertFalse(SealedCommitment.opens(c, "GT-510722-2026-000124", BIDDER, 2_300_000_000L, SALT));
        assertFalse(SealedCommitment.opens(c, LISTING, BIDDER, 2_300_000_000L, SALT.replace('1', '2')));
        assertFalse(SealedCommitment.opens(c, LISTING, BIDDER, 2_300_000_000L, SALT.toUpperCase().replace('0', 'A')));
        assertFalse(SealedCommitment.opens(c, LISTING, BIDDER, 0, SALT));
    }

    @Test
    void commitmentsAndSaltsAreSixtyFourLowerCaseHexCharacters() {
        assertTrue(SealedCommitment.isHex64(SALT));
        assertFalse(SealedCommitment.isHex64(SALT.substring(1)));
        assertFalse(SealedCommitment.isHex64(SALT + "0"));
        assertFalse(SealedCommitment.isHex64("A" + SALT.substring(1)));
        assertFalse(SealedCommitment.isHex64("g" + SALT.substring(1)));
        assertFalse(SealedCommitment.isHex64(null));
    }

    @Test
    void anAmountMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> SealedCommitment.preimage(LISTING, BIDDER, 0, SALT));
    }
}
