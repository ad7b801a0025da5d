package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BidderNumbersTest {

    @Test
    void aNumberIsEightCharactersWithoutLookAlikes() {
        BidderNumbers numbers = new BidderNumbers(new SecureRandom());
        for (int i = 0; i < 1000; i++) {
            String number = numbers.next(candidate -> false);
            assertEquals(8, number.length());
            assertTrue(number.matches("[2-9A-HJKMNP-Z]{8}"), number);
            assertTrue(BidderNumbers.isWellFormed(number));
        }
    }

    @Test
    void theAlphabetHasThirtyOneCharactersAndNoneThatLookAlike() {
        assertEquals(31, BidderNumbers.ALPHABET.length());
        assertEquals(31, BidderNumbers.ALPHABET.chars().distinct().count());
        for (char c : "01ILO".toCharArray()) {
            assertEquals(-1, BidderNumbers.ALPHABET.indexOf(c));
        }
    }

    @Test
    void aTakenNumberIsDrawnAgain() {
        Random seeded = new Random(7);
        List<String> drawn = new ArrayList<>();
        BidderNumbers numbers = new BidderNumbers(seeded);
        String chosen = numbers.next(candidate -> {
            drawn.add(candidate);
            return drawn.size() <= 3;
        });
        assertEquals(4, drawn.size());
        assertEquals(drawn.get(3), chosen);
        assertEquals(4, new HashSet<>(drawn).size());
    }

    @Test
    void whenEveryDrawIsTakenItGivesUpRatherThanLoopForever() {
        BidderNumbers numbers = new BidderNumbers(new Random(1));
        assertThrows(IllegalStateException.class, () -> numbers.next(candidate -> true));
    }

    @Test
    void drawsDoNotFollowEachOther() {
        BidderNumbers numbers = new BidderNumbers(new SecureRandom());
        Set<String> seen = new HashSet<>();
        String previous = numbers.next(seen::contains);
        seen.add(previous);
        for (int i = 0; i < 200; i++) {
            String next = numbers.next(seen::contains);
            assertTrue(seen.add(next));
            assertNotEquals(previous.substring(0, 7), next.substring(0, 7), "two draws share seven characters");
            previous = next;
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ABCDEFG", "ABCDEFGHJ", "ABCDEFG1", "abcdefgh", "ABCDEFGO"})
    void malformedNumbersAreRecognised(String number) {
        assertFalse(BidderNumbers.isWellFormed(number));
    }
}
