package org.tezuo.core.qualification.roster;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Normalises a resident ID number (公民身份号码, GB 11643-1999) as typed in a ledger: full-width digits, spaces and
 * a lower-case x are corrected, and anything else that is wrong is rejected, because the number is the key of a
 * person. The check character is ISO 7064 MOD 11-2 over the first 17 digits.
 */
public final class IdNumberNormaliser {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private IdNumberNormaliser() {
    }

    /**
     * Returns the 18-character ID number in canonical form (ASCII digits, upper-case X).
     *
     * @param today the current date in the tenant's zone; a birth date after it is rejected
     * @throws InvalidLedgerValueException naming the value, what is wrong and how to fix it
     */
    public static String normalise(String raw, LocalDate today) {
        String number = canonicalCharacters(raw);

        if (number.length() == 15 && number.chars().allMatch(Character::isDigit)) {
            throw new InvalidLedgerValueException("id.oldFormat", raw);
        }
        if (number.length() != 18) {
            throw new InvalidLedgerValueException("id.length", raw, String.valueOf(number.length()));
        }
        if (!number.matches("\\d{17}[\\dX]")) {
            throw new InvalidLedgerValueException("id.characters", raw);
        }
        checkBirthDate(raw, number.substring(6, 14), today);
        char expected = checkCharacter(number.substring(0, 17));
        if (number.charAt(17) != expected) {
            throw new InvalidLedgerValueException("id.checkCharacter", raw, String.valueOf(expected),
                    String.valueOf(number.charAt(17)));
        }
        return number;
    }

    /** Returns the GB 11643 check character for the first 17 digits of an ID number. */
    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** Returns whether a canonical 18-character ID number belongs to a man (odd 17th digit). */
    public static boolean isMale(String idNumber) {
        return (idNumber.charAt(16) - '0') % 2 == 1;
    }

    private static void checkBirthDate(String raw, String digits, LocalDate today) {
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new InvalidLedgerValueException("id.birthDate", raw, digits);
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.isAfter(today)) {
            throw new InvalidLedgerValueException("id.birthDateRange", raw, birthDate.toString());
        }
    }

    /** Converts full-width digits and X to ASCII, upper-cases x, and drops spaces and a leading apostrophe. */
    private static String canonicalCharacters(String raw) {
        StringBuilder number = new StringBuilder(18);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19') {
                number.append((char) (c - '\uFF10' + '0'));
            } else if (c == 'x' || c == '\uFF38' || c == '\uFF58') {
                number.append('X');
            } else if (!LedgerText.isSpace(c) && !(c == '\'' && number.isEmpty())) {
                number.append(c);
            }
        }
        return number.toString();
    }
}
