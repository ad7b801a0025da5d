package cn.landmarket.party;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DivisionCodeTest {

    @Test
    void exactlyTheListedProvincePrefixesAreValid() {
        List<Integer> valid = new ArrayList<>();
        for (int p = 0; p <= 99; p++) {
            String code = String.format("%02d0000", p);
            if (DivisionCode.isDivision(code)) {
                valid.add(p);
            }
        }
        assertEquals(List.of(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
                41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82), valid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"510000", "510700", "510703", "110105", "440300", "500000", "820000", "710000", "654324"})
    void sixDigitCodesUnderAValidProvinceAreDivisions(String code) {
        assertTrue(DivisionCode.isDivision(code));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"990000", "000000", "100000", "160000", "470000", "720000", "830000",
            "51070", "5107031", "51070A", "５１０７０３", " 510703", "510703 ", "-51070", "510703001"})
    void malformedOrUnknownProvinceCodesAreNotDivisions(String code) {
        assertFalse(DivisionCode.isDivision(code));
    }

    @Test
    void countyLevelCodesEndInSomethingOtherThanDoubleZero() {
        assertTrue(DivisionCode.isCounty("510703"));
        assertTrue(DivisionCode.isCounty("510781"));
        assertTrue(DivisionCode.isCounty("110105"));
        assertTrue(DivisionCode.isCounty("510710"));
        assertFalse(DivisionCode.isCounty("510700"));
        assertFalse(DivisionCode.isCounty("510000"));
        assertFalse(DivisionCode.isCounty("990703"));
        assertFalse(DivisionCode.isCounty("51070x"));
        assertFalse(DivisionCode.isCounty(null));
    }

    @Test
    void townshipIsCountyCodePlusNonZeroTownshipNumber() {
        assertTrue(DivisionCode.isTownship("510703001"));
        assertTrue(DivisionCode.isTownship("510703100"));
        assertTrue(DivisionCode.isTownship("110105999"));
        assertFalse(DivisionCode.isTownship("510703000"));
        assertFalse(DivisionCode.isTownship("510700001"));
        assertFalse(DivisionCode.isTownship("510000001"));
        assertFalse(DivisionCode.isTownship("990703001"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"510703", "51070300", "5107030011", "51070300A", "51070300１", "510703 01"})
    void malformedTownshipCodesAreRejected(String code) {
        assertFalse(DivisionCode.isTownship(code));
    }

    @Test
    void countyOfTownshipIsItsFirstSixDigits() {
        assertEquals("510703", DivisionCode.countyOf("510703001"));
        assertEquals("110105", DivisionCode.countyOf("110105020"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"510703000", "510700001", "510703", "99070300１", "990703001"})
    void countyOfNonTownshipIsRefused(String code) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DivisionCode.countyOf(code));
        assertTrue(e.getMessage().contains(String.valueOf(code)), e.getMessage());
    }

    @Test
    void jurisdictionPrefixDependsOnLevel() {
        assertEquals("51", DivisionCode.jurisdictionPrefix("510000"));
        assertEquals("5107", DivisionCode.jurisdictionPrefix("510700"));
        assertEquals("510703", DivisionCode.jurisdictionPrefix("510703"));
        assertEquals("50", DivisionCode.jurisdictionPrefix("500000"));
        assertEquals("4403", DivisionCode.jurisdictionPrefix("440300"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"990000", "51070", "510703001", "51070A"})
    void jurisdictionPrefixOfMalformedCodeIsRefused(String code) {
        assertThrows(IllegalArgumentException.class, () -> DivisionCode.jurisdictionPrefix(code));
    }

    @Test
    void provinceCoversItsPrefecturesCountiesAndTownships() {
        assertTrue(DivisionCode.covers("510000", "510000"));
        assertTrue(DivisionCode.covers("510000", "510700"));
        assertTrue(DivisionCode.covers("510000", "510703"));
        assertTrue(DivisionCode.covers("510000", "510100"));
        assertTrue(DivisionCode.covers("510000", "510703001"));
    }

    @Test
    void provinceDoesNotCoverAnotherProvince() {
        assertFalse(DivisionCode.covers("510000", "500000"));
        assertFalse(DivisionCode.covers("510000", "500101"));
        assertFalse(DivisionCode.covers("500000", "510703"));
        assertFalse(DivisionCode.covers("110000", "440300001"));
    }

    @Test
    void prefectureCoversOnlyItsOwnCountiesAndTownships() {
        assertTrue(DivisionCode.covers("510700", "510700"));
        assertTrue(DivisionCode.covers("510700", "510703"));
        assertTrue(DivisionCode.covers("510700", "510781"));
        assertTrue(DivisionCode.covers("510700", "510725101"));
        assertFalse(DivisionCode.covers("510700", "510100"));
        assertFalse(DivisionCode.covers("510700", "510104"));
        assertFalse(DivisionCode.covers("510700", "510000"));
        assertFalse(DivisionCode.covers("510700", "510104001"));
    }

    @Test
    void countyCoversOnlyItselfAndItsTownships() {
        assertTrue(DivisionCode.covers("510703", "510703"));
        assertTrue(DivisionCode.covers("510703", "510703001"));
        assertFalse(DivisionCode.covers("510703", "510704"));
        assertFalse(DivisionCode.covers("510703", "510704001"));
        assertFalse(DivisionCode.covers("510703", "510700"));
        assertFalse(DivisionCode.covers("510703", "510000"));
    }

    @Test
    void coversIsFalseForMalformedInput() {
        assertFalse(DivisionCode.covers(null, "510703"));
        assertFalse(DivisionCode.covers("510000", null));
        assertFalse(DivisionCode.covers("990000", "990703"));
        assertFalse(DivisionCode.covers("510000", "5107"));
        assertFalse(DivisionCode.covers("510000", "51"));
        assertFalse(DivisionCode.covers("510000", "510703000"));
        assertFalse(DivisionCode.covers("510000", "51070300"));
        assertFalse(DivisionCode.covers("510000", "51070A"));
        assertFalse(DivisionCode.covers("510703001", "510703001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"51", "11", "82", "5107", "4403", "510703", "510700", "510000", "510703001"})
    void validRegionFiltersAreAccepted(String prefix) {
        assertTrue(DivisionCode.isRegionPrefix(prefix));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"5", "99", "00", "5A", "9907", "5100", "510", "51070", "5107031", "51070300",
            "510703000", "990703001", "5107030011", "５１", " 51", "51 "})
    void invalidRegionFiltersAreRejected(String prefix) {
        assertFalse(DivisionCode.isRegionPrefix(prefix));
    }

    @Test
    void everyJurisdictionPrefixIsARegionFilter() {
        for (String authority : List.of("510000", "510700", "510703", "500000", "440300", "110105", "820000")) {
            assertTrue(DivisionCode.isRegionPrefix(DivisionCode.jurisdictionPrefix(authority)), authority);
        }
    }
}
