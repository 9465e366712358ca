package org.fonds.edtf;

/** An EDTF string that is not valid at the supported levels; the message says what is wrong. */
public class EdtfException extends IllegalArgumentException {

    public EdtfException(String message) {
        super(message);
    }
}
