package org.tezuo.form.validation;

import java.util.Comparator;
import java.util.List;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;

/** Orders data locations by the position of their top-level field in the schema; unknown properties go last. */
final class FieldOrder implements Comparator<DataPath> {

    private final List<String> names;

    FieldOrder(FormDefinition form) {
        this.names = form.fields().stream().map(FormField::name).toList();
    }

    @Override
    public int compare(DataPath left, DataPath right) {
        return Integer.compare(position(left), position(right));
    }

    private int position(DataPath location) {
        int index = names.indexOf(location.topLevelName());
        return index < 0 ? names.size() : index;
    }
}
