package org.tezuo.core.qualification.roster;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One field of a ledger profile as the entity document declares it.
 *
 * @param headerSynonyms header texts that name this column, the Chinese label included
 * @param values accepted official values of an enumerated field, in document order; empty for free text
 * @param valueSynonyms colloquial value to official value, for example 电焊 to 熔化焊接与热切割作业
 * @param valuesByParent accepted values per value of the parent field (操作项目 per 作业类别); empty when the
 *     field has no parent
 */
public record LedgerColumn(
        LedgerField field,
        String labelZh,
        @Nullable String labelEn,
        boolean required,
        List<String> headerSynonyms,
        List<String> values,
        Map<String, String> valueSynonyms,
        Map<String, List<String>> valuesByParent) {

    public LedgerColumn {
        headerSynonyms = List.copyOf(headerSynonyms);
        values = List.copyOf(values);
        valueSynonyms = Map.copyOf(valueSynonyms);
        valuesByParent = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valuesByParent));
    }

    /** Returns whether {@code headerKey} (see {@link LedgerText#headerKey}) names this column. */
    boolean matchesHeader(String headerKey) {
        return headerSynonyms.stream().anyMatch(synonym -> LedgerText.headerKey(synonym).equals(headerKey));
    }

    /** Returns the parent value an official value belongs to, or null when the field has no parent. */
    @Nullable String parentOf(String value) {
        return valuesByParent.entrySet().stream()
                .filter(group -> group.getValue().contains(value))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }
}
