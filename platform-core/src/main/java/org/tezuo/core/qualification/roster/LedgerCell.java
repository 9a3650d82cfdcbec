package org.tezuo.core.qualification.roster;

import java.math.BigDecimal;

/** One cell of a ledger as read from the file: text, or a spreadsheet number that may be date-formatted. */
sealed interface LedgerCell {

    LedgerCell BLANK = new Text("");

    boolean isBlank();

    /** Returns the value as the user sees it, for header matching and error reports. */
    String display();

    /** A text cell; every csv cell is one. */
    record Text(String value) implements LedgerCell {

        @Override
        public boolean isBlank() {
            return value.chars().allMatch(c -> LedgerText.isSpace((char) c));
        }

        @Override
        public String display() {
            return value;
        }
    }

    /**
     * A numeric spreadsheet cell.
     *
     * @param dateFormatted whether the cell's number format shows a date
     * @param date1904 whether the workbook counts serial days from 1904-01-01
     */
    record Number(double value, boolean dateFormatted, boolean date1904) implements LedgerCell {

        @Override
        public boolean isBlank() {
            return false;
        }

        @Override
        public String display() {
            if (dateFormatted) {
                try {
                    return LedgerDateParser.fromSerial(plain(), value, date1904).date().toString();
                } catch (InvalidLedgerValueException e) {
                    return plain();
                }
            }
            return plain();
        }

        /** Returns the number without exponent or trailing zeros, for example 43529 or 110105199003071000. */
        String plain() {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return String.valueOf(value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
