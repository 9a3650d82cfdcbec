package org.tezuo.core.qualification.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.qualification.CertificateClass;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.core.qualification.roster.LedgerDateParser.ParsedDate;

/**
 * Checks and normalises one data row against the header and profile. Every problem in the row is reported,
 * not only the first, so that one round of corrections suffices.
 */
final class LedgerRowValidator {

    /** Largest spreadsheet number kept exactly: Excel keeps 15 significant digits. */
    private static final double LARGEST_EXACT_NUMBER = 1e15;

    private final LedgerHeader header;
    private final LedgerValueResolver resolver;
    private final LocalDate today;

    LedgerRowValidator(LedgerProfile profile, LedgerHeader header, LocalDate today) {
        this.header = header;
        this.resolver = new LedgerValueResolver(profile);
        this.today = today;
    }

    RowValidation validate(LedgerRow row) {
        RowCells cells = new RowCells(row);

        String name = cells.required(LedgerField.NAME, cell -> limited(LedgerField.NAME,
                LedgerText.personName(cell.display())));
        String gender = cells.optional(LedgerField.GENDER, cell -> resolver.resolve(LedgerField.GENDER,
                cell.display()));
        String idNumber = cells.required(LedgerField.ID_NUMBER, this::idNumber);
        String certNumber = cells.required(LedgerField.CERT_NUMBER, LedgerRowValidator::certNumber);
        String category = cells.required(LedgerField.CATEGORY, cell -> resolver.resolveCategory(cell.display()));
        String item = category == null ? null : item(cells, category);
        CertificateClass certificateClass = category == null ? null : certificateClass(cells, category);
        ParsedDate firstIssued = cells.optional(LedgerField.FIRST_ISSUED_ON, cell -> date(LedgerField.FIRST_ISSUED_ON, cell));
        ParsedDate validFrom = cells.optional(LedgerField.VALID_FROM, cell -> date(LedgerField.VALID_FROM, cell));
        ParsedDate validUntil = cells.required(LedgerField.VALID_UNTIL, cell -> date(LedgerField.VALID_UNTIL, cell));
        ParsedDate reviewDue = cells.optional(LedgerField.REVIEW_DUE_ON, cell -> date(LedgerField.REVIEW_DUE_ON, cell));
        ParsedDate reviewDone = cells.optional(LedgerField.REVIEW_DONE_ON, cell -> date(LedgerField.REVIEW_DONE_ON, cell));
        String issuer = cells.optional(LedgerField.ISSUER, cell -> text(LedgerField.ISSUER, cell));
        String orgUnit = cells.optional(LedgerField.ORG_UNIT, cell -> text(LedgerField.ORG_UNIT, cell));
        String position = cells.optional(LedgerField.POSITION, cell -> text(LedgerField.POSITION, cell));

        checkGender(cells, gender, idNumber);
        checkNotAfter(cells, LedgerField.VALID_FROM, validFrom, LedgerField.VALID_UNTIL, validUntil);
        checkNotAfter(cells, LedgerField.FIRST_ISSUED_ON, firstIssued, LedgerField.VALID_UNTIL, validUntil);
        checkNotInFuture(cells, LedgerField.FIRST_ISSUED_ON, firstIssued);
        checkNotInFuture(cells, LedgerField.REVIEW_DONE_ON, reviewDone);

        if (!cells.errors.isEmpty() || name == null || idNumber == null || certNumber == null || category == null
                || item == null || certificateClass == null || validUntil == null) {
            return new RowValidation.Rejected(row.rowNumber(), cells.errors);
        }
        PersonData person = new PersonData(name, gender, idNumber, orgUnit, position);
        CertificateData certificate = new CertificateData(certNumber, category, item, dateOf(firstIssued),
                precisionOf(firstIssued), dateOf(validFrom), validUntil.date(), validUntil.precision(), dateOf(reviewDue),
                dateOf(reviewDone), issuer, certificateClass);
        return new RowValidation.Accepted(new LedgerEntry(row.rowNumber(), person, certificate,
                header.columnIndex().keySet()));
    }

    private @Nullable String item(RowCells cells, String category) {
        String rawCategory = cells.raw(LedgerField.CATEGORY).orElse("");
        String rawItem = cells.raw(LedgerField.ITEM).orElse(null);
        try {
            return resolver.resolveItem(category, rawCategory, rawItem);
        } catch (InvalidLedgerValueException e) {
            cells.reject(LedgerField.ITEM, rawItem == null ? "" : rawItem, e);
            return null;
        }
    }

    private @Nullable CertificateClass certificateClass(RowCells cells, String category) {
        String rawClass = cells.raw(LedgerField.CERTIFICATE_CLASS).orElse(null);
        try {
            return resolver.resolveClass(category, rawClass);
        } catch (InvalidLedgerValueException e) {
            cells.reject(LedgerField.CERTIFICATE_CLASS, rawClass == null ? "" : rawClass, e);
            return null;
        }
    }

    private String idNumber(LedgerCell cell) {
        if (cell instanceof LedgerCell.Number number) {
            throw new InvalidLedgerValueException("id.numericCell", number.plain());
        }
        return IdNumberNormaliser.normalise(cell.display(), today);
    }

    private static String certNumber(LedgerCell cell) {
        String raw = cell.display();
        if (cell instanceof LedgerCell.Number number) {
            if (number.value() != Math.rint(number.value()) || Math.abs(number.value()) >= LARGEST_EXACT_NUMBER) {
                throw new InvalidLedgerValueException("cert.numericCell", number.plain());
            }
            raw = number.plain();
        }
        return limited(LedgerField.CERT_NUMBER, LedgerText.withoutSpacesHalfWidth(raw).toUpperCase(Locale.ROOT));
    }

    private static ParsedDate date(LedgerField field, LedgerCell cell) {
        LedgerDateParser.Bound bound = field.kind() == LedgerField.ValueKind.END_DATE ? LedgerDateParser.Bound.END
                : LedgerDateParser.Bound.START;
        if (cell instanceof LedgerCell.Number number) {
            boolean compactDate = number.value() >= 19_000_101 && number.value() < 21_000_000;
            return compactDate ? LedgerDateParser.parse(number.plain(), bound)
                    : LedgerDateParser.fromSerial(number.display(), number.value(), number.date1904());
        }
        return LedgerDateParser.parse(cell.display(), bound);
    }

    private static String text(LedgerField field, LedgerCell cell) {
        return limited(field, LedgerText.collapseSpaces(cell.display()));
    }

    private static String limited(LedgerField field, String value) {
        if (value.length() > field.maxLength()) {
            throw new InvalidLedgerValueException("text.tooLong", value.substring(0, 20) + "…",
                    String.valueOf(value.length()), String.valueOf(field.maxLength()));
        }
        return value;
    }

    private void checkGender(RowCells cells, @Nullable String gender, @Nullable String idNumber) {
        if (gender == null || idNumber == null) {
            return;
        }
        String genderOfId = IdNumberNormaliser.isMale(idNumber) ? "男" : "女";
        if (!gender.equals(genderOfId)) {
            cells.reject(LedgerField.GENDER, cells.raw(LedgerField.GENDER).orElse(""),
                    new InvalidLedgerValueException("gender.mismatch", cells.raw(LedgerField.GENDER).orElse(""),
                            genderOfId));
        }
    }

    private void checkNotAfter(RowCells cells, LedgerField earlierField, @Nullable ParsedDate earlier,
            LedgerField laterField, @Nullable ParsedDate later) {
        if (earlier != null && later != null && earlier.date().isAfter(later.date())) {
            String raw = cells.raw(earlierField).orElse("");
            cells.reject(earlierField, raw, new InvalidLedgerValueException("date.afterOther", raw,
                    header.header(laterField), cells.raw(laterField).orElse("")));
        }
    }

    private void checkNotInFuture(RowCells cells, LedgerField field, @Nullable ParsedDate date) {
        if (date != null && date.date().isAfter(today)) {
            String raw = cells.raw(field).orElse("");
            cells.reject(field, raw, new InvalidLedgerValueException("date.inFuture", raw, today.toString()));
        }
    }

    private static @Nullable LocalDate dateOf(@Nullable ParsedDate date) {
        return date == null ? null : date.date();
    }

    private static @Nullable DatePrecision precisionOf(@Nullable ParsedDate date) {
        return date == null ? null : date.precision();
    }

    /** Reads one normalised value from a cell; throws {@link InvalidLedgerValueException} when it cannot. */
    @FunctionalInterface
    private interface CellParser<T> {
        T parse(LedgerCell cell);
    }

    /** The cells of one row and the errors found in them so far. */
    private final class RowCells {

        private final LedgerRow row;
        private final List<RowError> errors = new ArrayList<>();

        RowCells(LedgerRow row) {
            this.row = row;
        }

        /** Returns the cell's display text, or empty when the column is absent or the cell blank. */
        Optional<String> raw(LedgerField field) {
            return header.cell(row, field).filter(cell -> !cell.isBlank()).map(LedgerCell::display);
        }

        <T> @Nullable T required(LedgerField field, CellParser<T> parser) {
            Optional<LedgerCell> cell = header.cell(row, field).filter(candidate -> !candidate.isBlank());
            if (cell.isEmpty()) {
                reject(field, "", new InvalidLedgerValueException("value.missing", header.header(field)));
                return null;
            }
            return parse(field, cell.get(), parser);
        }

        <T> @Nullable T optional(LedgerField field, CellParser<T> parser) {
            Optional<LedgerCell> cell = header.cell(row, field).filter(candidate -> !candidate.isBlank());
            return cell.isEmpty() ? null : parse(field, cell.get(), parser);
        }

        private <T> @Nullable T parse(LedgerField field, LedgerCell cell, CellParser<T> parser) {
            try {
                return parser.parse(cell);
            } catch (InvalidLedgerValueException e) {
                reject(field, cell.display(), e);
                return null;
            }
        }

        void reject(LedgerField field, String value, InvalidLedgerValueException reason) {
            errors.add(RowError.of(row.rowNumber(), header.header(field), value, reason));
        }
    }
}
