package org.tezuo.core.connector.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON shape of a registry record: one object whose keys are the Chinese field names of the public query and
 * whose dates are ISO dates ({@code 2026-12-04}), for example
 * {@code {"证号": "T110101199001011234", "姓名": "张三", "状态": "有效", "有效期结束日期": "2030-05-31", ...}}.
 * Absent optional fields are left out or null. A registry that has no such certificate responds 404 with the body
 * {@code {"error": "certificate-not-found"}}; a 404 without it means a wrong URL, not an unknown certificate.
 */
public final class RegistryRecordCodec {

    public static final String CERT_NUMBER = "证号";
    public static final String NAME = "姓名";
    public static final String GENDER = "性别";
    public static final String CATEGORY = "作业类别";
    public static final String ITEM = "操作项目";
    public static final String FIRST_ISSUED_ON = "初领日期";
    public static final String VALID_FROM = "有效期开始日期";
    public static final String VALID_UNTIL = "有效期结束日期";
    public static final String REVIEW_DUE_ON = "应复审日期";
    public static final String REVIEW_DONE_ON = "实际复审日期";
    public static final String ISSUER = "签发机关";
    public static final String STATUS = "状态";

    /** Value of {@code error} in the body of a 404 for an unknown certificate. */
    public static final String NOT_FOUND_ERROR = "certificate-not-found";

    private RegistryRecordCodec() {
    }

    /** Returns the body of a 404 response for an unknown certificate. */
    public static String notFoundBody() {
        return JsonNodeFactory.instance.objectNode().put("error", NOT_FOUND_ERROR).toString();
    }

    /** Returns whether a 404 body reports an unknown certificate rather than an unknown URL. */
    public static boolean isNotFoundBody(JsonNode body) {
        return NOT_FOUND_ERROR.equals(body.path("error").asString(""));
    }

    /** Writes a record as a JSON object. */
    public static ObjectNode write(RegistryCertificateRecord record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(CERT_NUMBER, record.certNumber());
        node.put(NAME, record.name());
        node.put(GENDER, record.gender());
        node.put(CATEGORY, record.category());
        node.put(ITEM, record.item());
        node.put(FIRST_ISSUED_ON, text(record.firstIssuedOn()));
        node.put(VALID_FROM, text(record.validFrom()));
        node.put(VALID_UNTIL, text(record.validUntil()));
        node.put(REVIEW_DUE_ON, text(record.reviewDueOn()));
        node.put(REVIEW_DONE_ON, text(record.reviewDoneOn()));
        node.put(ISSUER, record.issuer());
        node.put(STATUS, record.status());
        return node;
    }

    /**
     * Reads a record from a JSON object.
     *
     * @throws IllegalArgumentException naming the field when a required field is missing or a date is invalid
     */
    public static RegistryCertificateRecord read(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object but found " + node.getNodeType());
        }
        return new RegistryCertificateRecord(
                required(node, CERT_NUMBER),
                required(node, NAME),
                optional(node, GENDER),
                required(node, CATEGORY),
                required(node, ITEM),
                date(node, FIRST_ISSUED_ON),
                date(node, VALID_FROM),
                requiredDate(node, VALID_UNTIL),
                date(node, REVIEW_DUE_ON),
                date(node, REVIEW_DONE_ON),
                optional(node, ISSUER),
                required(node, STATUS));
    }

    private static String required(JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null) {
            throw new IllegalArgumentException("field " + field + " is missing");
        }
        return value;
    }

    private static @Nullable String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            return null;
        }
        return value.asString().strip();
    }

    private static LocalDate requiredDate(JsonNode node, String field) {
        LocalDate value = date(node, field);
        if (value == null) {
            throw new IllegalArgumentException("field " + field + " is missing");
        }
        return value;
    }

    private static @Nullable LocalDate date(JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field " + field + " is not an ISO date: " + value, e);
        }
    }

    private static @Nullable String text(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }
}
