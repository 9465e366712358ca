package org.fonds.edtf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** EDTF levels 0 and 1: examples from the seed and the specification, and properties over generated values. */
class EdtfTest {

    @Example
    void theSeedsDates() {
        EdtfDate day = Edtf.parse("1950-05-30");
        assertEquals(LocalDate.of(1950, 5, 30), day.earliest());
        assertEquals(LocalDate.of(1950, 5, 30), day.latest());
        assertEquals(0, day.level());

        EdtfDate between = Edtf.parse("1950-06-08/1950-06-10");
        assertTrue(between.interval());
        assertEquals(LocalDate.of(1950, 6, 8), between.earliest());
        assertEquals(LocalDate.of(1950, 6, 10), between.latest());

        EdtfDate endOfJune = Edtf.parse("1950-06~");
        assertTrue(endOfJune.approximate());
        assertFalse(endOfJune.uncertain());
        assertEquals(LocalDate.of(1950, 6, 30), endOfJune.latest());

        EdtfDate uncertainMonth = Edtf.parse("1950-05?");
        assertTrue(uncertainMonth.uncertain());
        assertEquals(1, uncertainMonth.level());

        EdtfDate dispatched = Edtf.parse("1950-05-30T13:40+09:00");
        assertEquals(LocalDate.of(1950, 5, 30), dispatched.earliest());
    }

    @Example
    void levelOneFeatures() {
        assertEquals(LocalDate.of(1950, 1, 1), Edtf.parse("195X").earliest());
        assertEquals(LocalDate.of(1959, 12, 31), Edtf.parse("195X").latest());
        assertEquals(LocalDate.of(1999, 12, 31), Edtf.parse("19XX").latest());
        assertEquals(LocalDate.of(1950, 12, 31), Edtf.parse("1950-XX").latest());
        assertEquals(LocalDate.of(1950, 5, 31), Edtf.parse("1950-05-XX").latest());
        assertTrue(Edtf.parse("1950-05-30%").uncertain() && Edtf.parse("1950-05-30%").approximate());
        EdtfDate winter = Edtf.parse("1950-24");
        assertEquals(LocalDate.of(1950, 12, 1), winter.earliest());
        assertEquals(LocalDate.of(1951, 2, 28), winter.latest());
        assertEquals(LocalDate.of(-44, 1, 1), Edtf.parse("-0044").earliest());
        assertEquals(LocalDate.of(12345, 12, 31), Edtf.parse("Y12345").latest());
        EdtfDate openEnd = Edtf.parse("1950-06-25/..");
        assertEquals(LocalDate.of(1950, 6, 25), openEnd.earliest());
        assertNull(openEnd.latest());
        EdtfDate unknownStart = Edtf.parse("/1953-07-27");
        assertNull(unknownStart.earliest());
        assertEquals(LocalDate.of(1953, 7, 27), unknownStart.latest());
    }

    @Example
    void invalidValuesSayWhatIsWrong() {
        assertMessage("1950-13", "month 13");
        assertMessage("1950-02-30", "no day 30");
        assertMessage("1950-06-10/1950-06-08", "ends");
        assertMessage("29 May 1950", "not a valid EDTF date");
        assertMessage("../..", "open at both ends");
        assertMessage("/", "neither a start nor an end");
        assertMessage("1950-05-30T25:00", "time of day");
        assertMessage("19X5", "last one or two digits");
        assertMessage(" 1950", "spaces");
        assertMessage("", "empty");
    }

    private static void assertMessage(String value, String expected) {
        EdtfException e = assertThrows(EdtfException.class, () -> Edtf.parse(value));
        assertTrue(e.getMessage().contains(expected), e.getMessage() + " should mention " + expected);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Property
    void everyCalendarDayDenotesItself(@ForAll("dates") LocalDate date) {
        EdtfDate parsed = Edtf.parse(date.toString());
        assertEquals(date, parsed.earliest());
        assertEquals(date, parsed.latest());
        assertFalse(parsed.uncertain() || parsed.approximate() || parsed.interval());
    }

    @Property
    void aMonthSpansItsFirstToLastDay(@ForAll @IntRange(min = 0, max = 9999) int year,
            @ForAll @IntRange(min = 1, max = 12) int month) {
        YearMonth ym = YearMonth.of(year, month);
        EdtfDate parsed = Edtf.parse(ym.toString());
        assertEquals(ym.atDay(1), parsed.earliest());
        assertEquals(ym.atEndOfMonth(), parsed.latest());
    }

    @Property
    void qualifiersSetFlagsButKeepTheRange(@ForAll("dates") LocalDate date, @ForAll("qualifiers") String q) {
        EdtfDate parsed = Edtf.parse(date + q);
        assertEquals(date, parsed.earliest());
        assertEquals(q.equals("?") || q.equals("%"), parsed.uncertain());
        assertEquals(q.equals("~") || q.equals("%"), parsed.approximate());
        assertEquals(1, parsed.level());
    }

    @Provide
    Arbitrary<String> qualifiers() {
        return Arbitraries.of("?", "~", "%");
    }

    @Property
    void anIntervalIsValidExactlyWhenItDoesNotEndBeforeItStarts(@ForAll("dates") LocalDate a,
            @ForAll("dates") LocalDate b) {
        String value = a + "/" + b;
        if (a.isAfter(b)) {
            assertThrows(EdtfException.class, () -> Edtf.parse(value));
        } else {
            EdtfDate parsed = Edtf.parse(value);
            assertEquals(a, parsed.earliest());
            assertEquals(b, parsed.latest());
        }
    }

    @Property
    void impossibleDaysAreRejected(@ForAll @IntRange(min = 1000, max = 2999) int year,
            @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 29, max = 99) int day) {
        YearMonth ym = YearMonth.of(year, month);
        String value = String.format("%04d-%02d-%02d", year, month, day);
        assertEquals(day <= ym.lengthOfMonth(), Edtf.isValid(value), value);
    }

    /** Any string at all either parses or is rejected with an EdtfException: never another exception. */
    @Property(tries = 3000)
    void arbitraryTextNeverBreaksTheParser(@ForAll("edtfLike") String value) {
        try {
            EdtfDate parsed = Edtf.parse(value);
            assertTrue(parsed.earliest() == null || parsed.latest() == null
                    || !parsed.earliest().isAfter(parsed.latest()), value);
        } catch (EdtfException expected) {
            assertFalse(expected.getMessage().isBlank());
        }
    }

    @Provide
    Arbitrary<String> edtfLike() {
        Arbitrary<String> alphabet = Arbitraries.strings().withChars("0123456789-/XY?~%T:Z+.u ").ofMinLength(0)
                .ofMaxLength(30);
        return Arbitraries.oneOf(alphabet, Arbitraries.strings().ofMaxLength(40));
    }

    @Property
    void longInputIsRejected(@ForAll @StringLength(min = 101, max = 300) String value) {
        assertThrows(EdtfException.class, () -> Edtf.parse(value));
    }
}
