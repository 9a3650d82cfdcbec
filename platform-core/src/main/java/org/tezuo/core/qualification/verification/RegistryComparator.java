package org.tezuo.core.qualification.verification;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;

/**
 * Compares a ledger certificate with the registry's record. When the registry shows a review newer than the
 * ledger's, the review date, the next review due date and the validity end are first adopted from the registry.
 * That is how a completed review, and with it the end of a lapse, reaches the ledger. Every remaining difference is
 * a mismatch.
 */
final class RegistryComparator {

    /** The outcome: adopted values, remaining differences and the ledger dates after adoption. */
    record Comparison(List<FieldDifference> adopted, List<FieldDifference> differences, LocalDate validUntil,
            @Nullable LocalDate reviewDueOn, @Nullable LocalDate reviewDoneOn) {
    }

    Comparison compare(Person holder, Certificate ledger, RegistryCertificateRecord registry) {
        List<FieldDifference> adopted = new ArrayList<>();
        LocalDate validUntil = ledger.validUntil();
        LocalDate reviewDueOn = ledger.reviewDueOn();
        LocalDate reviewDoneOn = ledger.reviewDoneOn();

        if (showsNewerReview(ledger, registry)) {
            adopted.add(difference(ComparedField.REVIEW_DONE_ON, reviewDoneOn, registry.reviewDoneOn()));
            reviewDoneOn = registry.reviewDoneOn();
            if (registry.reviewDueOn() != null && !registry.reviewDueOn().equals(reviewDueOn)) {
                adopted.add(difference(ComparedField.REVIEW_DUE_ON, reviewDueOn, registry.reviewDueOn()));
                reviewDueOn = registry.reviewDueOn();
            }
            if (!registry.validUntil().equals(validUntil)) {
                adopted.add(difference(ComparedField.VALID_UNTIL, validUntil, registry.validUntil()));
                validUntil = registry.validUntil();
            }
        }

        List<FieldDifference> differences = new ArrayList<>();
        compareText(differences, ComparedField.CERT_NUMBER, ledger.certNumber(), registry.certNumber());
        compareText(differences, ComparedField.NAME, holder.name(), registry.name());
        compareText(differences, ComparedField.CATEGORY, ledger.category(), registry.category());
        compareText(differences, ComparedField.ITEM, ledger.item(), registry.item());
        if (!sameValidityEnd(validUntil, ledger.validUntilPrecision(), registry.validUntil())) {
            differences.add(difference(ComparedField.VALID_UNTIL, validUntil, registry.validUntil()));
        }
        // A review date that only one side shows is a gap in the ledger or the registry, not a contradiction.
        compareOptionalDate(differences, ComparedField.REVIEW_DUE_ON, reviewDueOn, registry.reviewDueOn());
        compareOptionalDate(differences, ComparedField.REVIEW_DONE_ON, reviewDoneOn, registry.reviewDoneOn());
        return new Comparison(List.copyOf(adopted), List.copyOf(differences), validUntil, reviewDueOn, reviewDoneOn);
    }

    private static boolean showsNewerReview(Certificate ledger, RegistryCertificateRecord registry) {
        return registry.reviewDoneOn() != null
                && (ledger.reviewDoneOn() == null || registry.reviewDoneOn().isAfter(ledger.reviewDoneOn()));
    }

    private static boolean sameValidityEnd(LocalDate ledger, DatePrecision precision, LocalDate registry) {
        return precision == DatePrecision.MONTH ? YearMonth.from(ledger).equals(YearMonth.from(registry))
                : ledger.equals(registry);
    }

    private static void compareText(List<FieldDifference> differences, ComparedField field, String ledger,
            String registry) {
        if (!normalise(ledger).equals(normalise(registry))) {
            differences.add(new FieldDifference(field, ledger, registry));
        }
    }

    private static void compareOptionalDate(List<FieldDifference> differences, ComparedField field,
            @Nullable LocalDate ledger, @Nullable LocalDate registry) {
        if (ledger != null && registry != null && !ledger.equals(registry)) {
            differences.add(difference(field, ledger, registry));
        }
    }

    private static FieldDifference difference(ComparedField field, @Nullable LocalDate ledger,
            @Nullable LocalDate registry) {
        return new FieldDifference(field, Objects.toString(ledger, null), Objects.toString(registry, null));
    }

    /** Drops all white space, including the full-width space that hand-typed ledgers contain. */
    private static String normalise(String text) {
        return text.replaceAll("[\\s\\u3000]+", "");
    }
}
