package org.fonds.edtf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EDTF levels 0 and 1 (Library of Congress, Extended Date/Time Format Specification, 2019): every feature of both
 * levels with the specification's own examples, valid and invalid, the seed's dates, and properties checked over
 * seeded, repeatable generated values. Each generated case names its seed; rerun one with
 * {@code -Dfonds.edtf.seed=<seed>}.
 */
class EdtfTest {

    /** Values drawn per seed in each property. */
    private static final int TRIES = 500;
    private static final long DEFAULT_SEED = 19500530L;

    /** Five seeds derived from one base seed (printed), so a failure can be replayed exactly. */
    static LongStream seeds() {
        long base = Long.getLong("fonds.edtf.seed", DEFAULT_SEED);
        System.out.printf("EdtfTest: base seed %d (rerun with -Dfonds.edtf.seed=%d)%n", base, base);
        SplittableRandom root = new SplittableRandom(base);
        return LongStream.concat(LongStream.of(base), LongStream.generate(root::nextLong).limit(4));
    }

    // ---- Level 0 -------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # value                        | earliest   | latest     | level
            # Date: year, year-month, complete date
            1985                           | 1985-01-01 | 1985-12-31 | 0
            1985-04                        | 1985-04-01 | 1985-04-30 | 0
            1985-04-12                     | 1985-04-12 | 1985-04-12 | 0
            0000                           | 0000-01-01 | 0000-12-31 | 0
            2004-02-29                     | 2004-02-29 | 2004-02-29 | 0
            # Date and time: local, UTC, offset (the date as written)
            1985-04-12T23:20:30            | 1985-04-12 | 1985-04-12 | 0
            1985-04-12T23:20:30Z           | 1985-04-12 | 1985-04-12 | 0
            1985-04-12T23:20:30-04         | 1985-04-12 | 1985-04-12 | 0
            1985-04-12T23:20:30+04:30      | 1985-04-12 | 1985-04-12 | 0
            1950-05-30T13:40+09:00         | 1950-05-30 | 1950-05-30 | 0
            # Time interval
            1964/2008                      | 1964-01-01 | 2008-12-31 | 0
            2004-06/2006-08                | 2004-06-01 | 2006-08-31 | 0
            2004-02-01/2005-02-08          | 2004-02-01 | 2005-02-08 | 0
            2004-02-01/2005-02             | 2004-02-01 | 2005-02-28 | 0
            2004-02-01/2005                | 2004-02-01 | 2005-12-31 | 0
            2005/2006-02                   | 2005-01-01 | 2006-02-28 | 0
            1950-06-08/1950-06-10          | 1950-06-08 | 1950-06-10 | 0
            """)
    void levelZero(String value, LocalDate earliest, LocalDate latest, int level) {
        EdtfDate d = Edtf.parse(value);
        assertEquals(earliest, d.earliest(), value);
        assertEquals(latest, d.latest(), value);
        assertEquals(level, d.level(), value);
        assertFalse(d.uncertain() || d.approximate(), value);
        assertEquals(value.contains("/"), d.interval(), value);
        assertEquals(value, d.value());
    }

    // ---- Level 1 -------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # value                        | earliest    | latest      | uncertain | approximate
            # Letter-prefixed calendar year (more than four digits)
            Y12345                         | +12345-01-01 | +12345-12-31 | false | false
            Y-12345                        | null        | null        | false     | false
            # Seasons: 21 spring, 22 summer, 23 autumn, 24 winter (meteorological, northern hemisphere)
            2001-21                        | 2001-03-01  | 2001-05-31  | false     | false
            2001-22                        | 2001-06-01  | 2001-08-31  | false     | false
            2001-23                        | 2001-09-01  | 2001-11-30  | false     | false
            1950-24                        | 1950-12-01  | 1951-02-28  | false     | false
            # Qualification of a date: ? uncertain, ~ approximate, % both
            1984?                          | 1984-01-01  | 1984-12-31  | true      | false
            2004-06~                       | 2004-06-01  | 2004-06-30  | false     | true
            2004-06-11%                    | 2004-06-11  | 2004-06-11  | true      | true
            1950-05?                       | 1950-05-01  | 1950-05-31  | true      | false
            # Unspecified digits from the right
            201X                           | 2010-01-01  | 2019-12-31  | false     | false
            20XX                           | 2000-01-01  | 2099-12-31  | false     | false
            2004-XX                        | 2004-01-01  | 2004-12-31  | false     | false
            1985-04-XX                     | 1985-04-01  | 1985-04-30  | false     | false
            1985-XX-XX                     | 1985-01-01  | 1985-12-31  | false     | false
            # Extended interval: open and unknown ends
            1985-04-12/..                  | 1985-04-12  | null        | false     | false
            1985-04/..                     | 1985-04-01  | null        | false     | false
            1985/..                        | 1985-01-01  | null        | false     | false
            ../1985-04-12                  | null        | 1985-04-12  | false     | false
            ../1985-04                     | null        | 1985-04-30  | false     | false
            ../1985                        | null        | 1985-12-31  | false     | false
            1985-04-12/                    | 1985-04-12  | null        | false     | false
            1985/                          | 1985-01-01  | null        | false     | false
            /1985-04-12                    | null        | 1985-04-12  | false     | false
            /1985                          | null        | 1985-12-31  | false     | false
            # Extended interval: qualified ends
            1984~/2004-06                  | 1984-01-01  | 2004-06-30  | false     | true
            1984/2004-06~                  | 1984-01-01  | 2004-06-30  | false     | true
            1984~/2004~                    | 1984-01-01  | 2004-12-31  | false     | true
            -1984?/2004%                   | -1984-01-01 | 2004-12-31  | true      | true
            1984-06?/2004-08?              | 1984-06-01  | 2004-08-31  | true      | false
            1984-06-02?/2004-08-08~        | 1984-06-02  | 2004-08-08  | true      | true
            1984-06-02?/..                 | 1984-06-02  | null        | true      | false
            # Negative calendar year
            -1985                          | -1985-01-01 | -1985-12-31 | false     | false
            -0044                          | -0044-01-01 | -0044-12-31 | false     | false
            """)
    void levelOne(String value, String earliest, String latest, boolean uncertain, boolean approximate) {
        if (value.equals("Y-12345")) { // a valid level-1 year beyond what PostgreSQL's date type can store
            assertMessage(value, "outside the supported range");
            return;
        }
        EdtfDate d = Edtf.parse(value);
        assertEquals(earliest == null ? null : LocalDate.parse(earliest), d.earliest(), value);
        assertEquals(latest == null ? null : LocalDate.parse(latest), d.latest(), value);
        assertEquals(uncertain, d.uncertain(), value);
        assertEquals(approximate, d.approximate(), value);
        assertEquals(1, d.level(), value);
    }

    @Test
    void theSeedsDates() {
        EdtfDate day = Edtf.parse("1950-05-30");
        assertEquals(LocalDate.of(1950, 5, 30), day.earliest());
        assertEquals(0, day.level());
        EdtfDate endOfJune = Edtf.parse("1950-06~");
        assertTrue(endOfJune.approximate());
        assertEquals(LocalDate.of(1950, 6, 30), endOfJune.latest());
        EdtfDate armistice = Edtf.parse("/1953-07-27");
        assertNull(armistice.earliest());
        assertEquals(LocalDate.of(1953, 7, 27), armistice.latest());
    }

    // ---- Invalid values, each with what the message must say ----------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1950-13                  | month 13
            1950-00                  | month 00
            1950-02-30               | no day 30
            1900-02-29               | no day 29
            1950-04-31               | no day 31
            1950-06-10/1950-06-08    | ends
            1986/1985                | ends
            29 May 1950              | not a valid EDTF date
            30.05.1950               | not a valid EDTF date
            1950/05/30               | more than one '/'
            ../..                    | open at both ends
            /                        | neither a start nor an end
            1950-05-30T25:00         | time of day
            1950-05-30T12:60         | time of day
            1950-05-30T12:00+15:00   | UTC offset
            1950-05-30T12:00/1950-06 | interval ends must be dates
            19X5                     | last one or two digits
            1XXX                     | not a valid EDTF date
            195X-05                  | known month or day
            1950-XX-05               | day cannot be known
            1950-0X                  | either known (05) or unspecified
            1950-05-3X               | either known (30) or unspecified
            -195X                    | negative years
            Y1234                    | not a valid EDTF date
            Y12345-05                | takes no month or day
            1950-21-05               | takes no day
            1950-25                  | month 25
            1950??                   | not a valid EDTF date
            1950-05-30?~             | not a valid EDTF date
            985                      | not a valid EDTF date
            '1950 '                  | spaces
            '1950-05-30T13:40Z?'     | date-time
            """)
    void invalidValuesSayWhatIsWrong(String value, String expected) {
        assertMessage(value, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void blankValuesAreRejected(String value) {
        assertThrows(EdtfException.class, () -> Edtf.parse(value));
    }

    private static void assertMessage(String value, String expected) {
        EdtfException e = assertThrows(EdtfException.class, () -> Edtf.parse(value), value);
        assertTrue(e.getMessage().contains(expected), e.getMessage() + " should mention " + expected);
        assertFalse(Edtf.isValid(value));
    }

    // ---- Properties over seeded, repeatable generated values -----------------------------------------------------

    private static LocalDate day(SplittableRandom random) {
        return LocalDate.ofEpochDay(random.nextLong(LocalDate.of(0, 1, 1).toEpochDay(),
                LocalDate.of(9999, 12, 31).toEpochDay() + 1));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyCalendarDayDenotesItself(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < TRIES; i++) {
            LocalDate date = day(random);
            EdtfDate parsed = Edtf.parse(date.toString());
            String why = "seed " + seed + ": " + date;
            assertEquals(date, parsed.earliest(), why);
            assertEquals(date, parsed.latest(), why);
            assertFalse(parsed.uncertain() || parsed.approximate() || parsed.interval(), why);
            assertEquals(0, parsed.level(), why);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aMonthSpansItsFirstToLastDayAndAYearItsMonths(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < TRIES; i++) {
            YearMonth ym = YearMonth.of(random.nextInt(0, 10000), random.nextInt(1, 13));
            String why = "seed " + seed + ": " + ym;
            EdtfDate month = Edtf.parse(ym.toString());
            assertEquals(ym.atDay(1), month.earliest(), why);
            assertEquals(ym.atEndOfMonth(), month.latest(), why);
            EdtfDate year = Edtf.parse(String.format("%04d", ym.getYear()));
            assertEquals(LocalDate.of(ym.getYear(), 1, 1), year.earliest(), why);
            assertEquals(LocalDate.of(ym.getYear(), 12, 31), year.latest(), why);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void qualifiersSetFlagsButKeepTheRange(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] qualifiers = {"?", "~", "%"};
        for (int i = 0; i < TRIES; i++) {
            LocalDate date = day(random);
            String q = qualifiers[random.nextInt(qualifiers.length)];
            // the qualifier applies to a year, a month or a day
            String text = switch (random.nextInt(3)) {
                case 0 -> String.format("%04d", date.getYear());
                case 1 -> YearMonth.from(date).toString();
                default -> date.toString();
            };
            EdtfDate plain = Edtf.parse(text);
            EdtfDate parsed = Edtf.parse(text + q);
            String why = "seed " + seed + ": " + text + q;
            assertEquals(plain.earliest(), parsed.earliest(), why);
            assertEquals(plain.latest(), parsed.latest(), why);
            assertEquals(q.equals("?") || q.equals("%"), parsed.uncertain(), why);
            assertEquals(q.equals("~") || q.equals("%"), parsed.approximate(), why);
            assertEquals(1, parsed.level(), why);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void unspecifiedDigitsCoverEveryValueTheyCouldStandFor(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < TRIES; i++) {
            int year = random.nextInt(1000, 10000);
            int xs = random.nextInt(1, 3);
            String masked = String.valueOf(year).substring(0, 4 - xs) + "X".repeat(xs);
            EdtfDate parsed = Edtf.parse(masked);
            int unit = xs == 1 ? 10 : 100;
            int low = year / unit * unit;
            String why = "seed " + seed + ": " + masked;
            assertEquals(LocalDate.of(low, 1, 1), parsed.earliest(), why);
            assertEquals(LocalDate.of(low + unit - 1, 12, 31), parsed.latest(), why);
            assertTrue(!parsed.earliest().isAfter(LocalDate.of(year, 6, 1))
                    && !parsed.latest().isBefore(LocalDate.of(year, 6, 1)), why);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anIntervalIsValidExactlyWhenItDoesNotEndBeforeItStarts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < TRIES; i++) {
            LocalDate a = day(random);
            // half of the ends near the start, so that both orders and equal days are drawn often
            LocalDate b = random.nextBoolean() ? day(random) : a.plusDays(random.nextInt(-3, 4));
            String value = a + "/" + b;
            String why = "seed " + seed + ": " + value;
            if (a.isAfter(b)) {
                assertThrows(EdtfException.class, () -> Edtf.parse(value), why);
            } else {
                EdtfDate parsed = Edtf.parse(value);
                assertEquals(a, parsed.earliest(), why);
                assertEquals(b, parsed.latest(), why);
                assertTrue(parsed.interval(), why);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void impossibleDaysAreRejected(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < TRIES; i++) {
            int year = random.nextInt(1000, 3000);
            int month = random.nextInt(1, 13);
            int day = random.nextInt(0, 100);
            String value = String.format("%04d-%02d-%02d", year, month, day);
            boolean exists = day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
            assertEquals(exists, Edtf.isValid(value), "seed " + seed + ": " + value);
        }
    }

    /** Any string at all either parses to an ordered range or is rejected with an EdtfException: never another. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void arbitraryTextNeverBreaksTheParser(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "0123456789-/XY?~%T:Z+.u ";
        for (int i = 0; i < TRIES * 6; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(0, 31);
            boolean anyChar = random.nextInt(3) == 0;
            for (int c = 0; c < length; c++) {
                value.appendCodePoint(anyChar ? random.nextInt(1, 0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                EdtfDate parsed = Edtf.parse(value.toString());
                assertTrue(parsed.earliest() == null || parsed.latest() == null
                        || !parsed.earliest().isAfter(parsed.latest()), "seed " + seed + ": " + value);
            } catch (EdtfException expected) {
                assertFalse(expected.getMessage().isBlank());
            } catch (RuntimeException e) {
                fail("seed " + seed + ": '" + value + "' threw " + e);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void longInputIsRejected(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            String value = "1950-05-30/" + "9".repeat(random.nextInt(90, 300));
            EdtfException e = assertThrows(EdtfException.class, () -> Edtf.parse(value), "seed " + seed);
            assertTrue(e.getMessage().contains("at most"), e.getMessage());
        }
    }
}
