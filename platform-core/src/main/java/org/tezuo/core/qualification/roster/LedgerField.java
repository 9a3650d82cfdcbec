package org.tezuo.core.qualification.roster;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ledger fields the importer maps onto persons and certificates, by the field name an entity document uses.
 * Header synonyms, labels and accepted values come from the document; what each field feeds is fixed here.
 */
public enum LedgerField {
    NAME("name", ValueKind.TEXT, true, 100),
    GENDER("gender", ValueKind.ENUM, false, 8),
    ID_NUMBER("idNumber", ValueKind.ID_NUMBER, true, 18),
    CERT_NUMBER("certNumber", ValueKind.TEXT, true, 64),
    CATEGORY("category", ValueKind.ENUM, true, 100),
    ITEM("item", ValueKind.ENUM, true, 100),
    FIRST_ISSUED_ON("firstIssuedOn", ValueKind.START_DATE, false, 0),
    VALID_FROM("validFrom", ValueKind.START_DATE, false, 0),
    VALID_UNTIL("validUntil", ValueKind.END_DATE, true, 0),
    REVIEW_DUE_ON("reviewDueOn", ValueKind.END_DATE, false, 0),
    // NOTE: the certificate table keeps no precision for the review done date, so a month-only value is
    // stored as the first day of that month and shows as a full date afterwards.
    REVIEW_DONE_ON("reviewDoneOn", ValueKind.START_DATE, false, 0),
    ISSUER("issuer", ValueKind.TEXT, false, 200),
    ORG_UNIT("orgUnit", ValueKind.TEXT, false, 200),
    POSITION("position", ValueKind.TEXT, false, 100),
    /** 证书类别: which regulatory system issued the certificate; the 作业类别 names it when the column is absent. */
    CERTIFICATE_CLASS("certificateClass", ValueKind.ENUM, false, 32);

    /** The reading rule for a cell of the field. A month-only start date becomes the first day, an end date the last. */
    enum ValueKind {
        TEXT, ENUM, ID_NUMBER, START_DATE, END_DATE
    }

    private final String fieldName;
    private final ValueKind kind;
    private final boolean storeRequired;
    private final int maxLength;

    LedgerField(String fieldName, ValueKind kind, boolean storeRequired, int maxLength) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.storeRequired = storeRequired;
        this.maxLength = maxLength;
    }

    /** Returns the field name in the entity document, for example {@code validUntil}. */
    public String fieldName() {
        return fieldName;
    }

    ValueKind kind() {
        return kind;
    }

    /** Returns whether the certificate store cannot save a row without this value. */
    public boolean storeRequired() {
        return storeRequired;
    }

    /** Returns the column width of the stored value in characters, or 0 for dates. */
    int maxLength() {
        return maxLength;
    }

    boolean isDate() {
        return kind == ValueKind.START_DATE || kind == ValueKind.END_DATE;
    }

    /** Returns the entity document types a field of this kind may declare. */
    String expectedType() {
        return switch (kind) {
            case TEXT, ID_NUMBER -> "text";
            case ENUM -> "enum";
            case START_DATE, END_DATE -> "date";
        };
    }

    static Optional<LedgerField> byFieldName(String fieldName) {
        return Arrays.stream(values()).filter(field -> field.fieldName.equals(fieldName)).findFirst();
    }
}
