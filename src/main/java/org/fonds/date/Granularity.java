package org.fonds.date;

/** The size of the periods that dates are counted in; the name is PostgreSQL's date_trunc field in lower case. */
public enum Granularity {
    YEAR,
    MONTH,
    DAY
}
