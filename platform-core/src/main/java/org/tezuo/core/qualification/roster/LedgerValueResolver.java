package org.tezuo.core.qualification.roster;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.qualification.CertificateClass;

/**
 * Maps the words ledgers use for enumerated values (性别, 证书类别, 作业类别, 操作项目) to the official values of a
 * {@link LedgerProfile}. A value matches an official value, the official value without its trailing 作业, or a
 * value synonym. Anything else is rejected with the accepted values, and so are an item of another category and a
 * category of another certificate class.
 */
final class LedgerValueResolver {

    private final LedgerProfile profile;

    LedgerValueResolver(LedgerProfile profile) {
        this.profile = profile;
    }

    /** Resolves the value of an enumerated field without a parent, such as 性别. */
    String resolve(LedgerField field, String raw) {
        LedgerColumn column = profile.require(field);
        return match(column, raw).orElseThrow(() -> new InvalidLedgerValueException("value.unknown", raw,
                column.labelZh(), String.join("、", column.values())));
    }

    /**
     * Resolves the 作业类别. The cell may also hold an official or colloquial 操作项目 (低压电工作业, 高压), which
     * names its category.
     */
    String resolveCategory(String rawCategory) {
        LedgerColumn categories = profile.require(LedgerField.CATEGORY);
        Optional<String> category = match(categories, rawCategory);
        if (category.isPresent()) {
            return category.get();
        }
        LedgerColumn items = profile.require(LedgerField.ITEM);
        return match(items, rawCategory).map(items::parentOf).orElseThrow(() -> new InvalidLedgerValueException(
                "category.unknown", rawCategory, String.join("、", categories.values())));
    }

    /**
     * Resolves the 操作项目 of a row whose category is already resolved. A blank item is inferred only when the
     * category cell names one item (电焊 means 熔化焊接与热切割作业) or the category has a single item.
     */
    String resolveItem(String category, String rawCategory, @Nullable String rawItem) {
        LedgerColumn items = profile.require(LedgerField.ITEM);
        List<String> itemsOfCategory = items.valuesByParent().getOrDefault(category, List.of());
        String accepted = String.join("、", itemsOfCategory);

        if (rawItem == null || rawItem.isBlank()) {
            Optional<String> named = match(items, rawCategory).filter(itemsOfCategory::contains);
            if (named.isPresent()) {
                return named.get();
            }
            if (itemsOfCategory.size() == 1) {
                return itemsOfCategory.getFirst();
            }
            throw new InvalidLedgerValueException("item.missing", rawCategory, category, accepted);
        }
        String item = match(items, rawItem).orElseThrow(() -> new InvalidLedgerValueException("item.unknown",
                rawItem, category, accepted));
        if (!itemsOfCategory.contains(item)) {
            throw new InvalidLedgerValueException("item.otherCategory", rawItem, item, items.parentOf(item), category,
                    accepted);
        }
        return item;
    }

    /**
     * Returns the class of a row whose category is already resolved. A profile that groups categories by class
     * takes the class from the category, and a 证书类别 cell, when the file has one, must name the same class. A
     * profile without classes describes special-operation certificates only.
     */
    CertificateClass resolveClass(String category, @Nullable String rawClass) {
        String classOfCategory = profile.require(LedgerField.CATEGORY).parentOf(category);
        Optional<LedgerColumn> classes = profile.column(LedgerField.CERTIFICATE_CLASS);
        if (rawClass != null && !rawClass.isBlank() && classes.isPresent()) {
            String named = resolve(LedgerField.CERTIFICATE_CLASS, rawClass);
            if (classOfCategory != null && !classOfCategory.equals(named)) {
                throw new InvalidLedgerValueException("certificateClass.otherCategory", category, classOfCategory,
                        named, String.join("、", profile.require(LedgerField.CATEGORY).valuesByParent()
                                .getOrDefault(named, List.of())));
            }
            classOfCategory = named;
        }
        return classOfCategory == null ? CertificateClass.SPECIAL_OPERATION
                : CertificateClass.fromNameOrCode(classOfCategory).orElseThrow();
    }

    private static Optional<String> match(LedgerColumn column, String raw) {
        String key = LedgerText.valueKey(raw);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (String value : column.values()) {
            String valueKey = LedgerText.valueKey(value);
            if (valueKey.equals(key) || valueKey.equals(key + "作业")) {
                return Optional.of(value);
            }
        }
        for (String candidate : List.of(key, stripSuffix(key, "作业"), stripSuffix(key, "证"))) {
            String official = column.valueSynonyms().get(candidate);
            if (official != null) {
                return Optional.of(official);
            }
        }
        return Optional.empty();
    }

    private static String stripSuffix(String key, String suffix) {
        return key.endsWith(suffix) ? key.substring(0, key.length() - suffix.length()) : key;
    }
}
