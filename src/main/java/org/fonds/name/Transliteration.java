package org.fonds.name;

/** The romanization scheme a name variant is written in, when it is a transliteration. */
public enum Transliteration {
    /** Korean, McCune–Reischauer: Kim Il-sŏng. */
    MCCUNE_REISCHAUER,
    /** Korean, Revised Romanization of 2000: Kim Il-seong, Pak Heon-yeong. */
    REVISED_ROMANIZATION,
    /** ALA-LC romanization (Russian: Shtykov, Terentiĭ Fomich). */
    LIBRARY_OF_CONGRESS,
    /** BGN/PCGN romanization of geographic and personal names. */
    BGN_PCGN,
    /** Chinese, Wade–Giles: Mao Tse-tung. */
    WADE_GILES,
    /** Chinese, Hanyu Pinyin: Mao Zedong. */
    PINYIN,
    /** Any other or an unsystematic romanization ("Kim Il Sung"). */
    OTHER
}
