package org.fonds.name;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The match keys of name search: what counts as the same spelling. A plain unit test. */
class NameKeySearchTest {

    @Test
    void caseDiacriticsApostrophesAndPunctuationDoNotCount() {
        assertEquals("vasilyev", NameKey.of("Vasil’yev"));
        assertEquals("vasilyev", NameKey.of("Vasil'yev"));
        assertEquals("vasilyev", NameKey.of("VASILʼYEV"));
        assertEquals("general vasilyev", NameKey.of("  General   Vasil’yev. "));
        assertEquals("pak hon yong", NameKey.of("Pak Hŏn-yŏng"));
        assertEquals("pak hon yong", NameKey.of("Pak Hon Yong"));
        assertEquals("koreas peoples army", NameKey.of("Korea's People’s Army"));
        assertEquals("lodz", NameKey.of("Łódź"));
        assertEquals("", NameKey.of("’ - ’"));
    }

    @Test
    void cyrillicIsRomanised() {
        assertEquals("shtykov", NameKey.of("Штыков"));
        assertEquals("terentiy fomich shtykov", NameKey.of("Терентий Фомич Штыков"));
        assertEquals("vasilyev", NameKey.of("Васильев"));
        assertEquals("pkhenyan", NameKey.of("Пхеньян"));
        assertEquals("yeltsin", NameKey.of("Ельцин"));
        assertEquals("andrey yanuaryevich vyshinskiy", NameKey.of("Андрей Януарьевич Вышинский"));
        assertEquals("khrushchev", NameKey.of("Хрущёв"));
        assertEquals("moskva", NameKey.of("МОСКВА"));
    }

    @Test
    void otherScriptsStayAsTheyAre() {
        assertEquals("박헌영", NameKey.of("박헌영"));
        assertEquals("毛泽东", NameKey.of("毛泽东"));
    }
}
