package org.tezuo.app.ui.record;

import org.jspecify.annotations.Nullable;
import org.tezuo.core.entity.EntityField;

/**
 * One column of a records list.
 *
 * @param column the column name in the query layer's table of the entity, such as {@code created_at}
 * @param label the caption in the user's language
 * @param field the entity field stored in the column, or null for a system column or a part of a composite field
 */
record ListColumn(String column, String label, @Nullable EntityField field) {
}
