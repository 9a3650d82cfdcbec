package org.tezuo.app.ui.metadata;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.Locale;
import org.tezuo.core.metadata.diff.MetadataChange;

/** A grid of field-level changes: what happened, where, and the change described in the user's language. */
final class ChangeList extends Grid<MetadataChange> {

    ChangeList(String id, Locale locale) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        addColumn(change -> getTranslation("metadataCenter.change." + change.type().name()))
                .setHeader(getTranslation("metadataCenter.change.type")).setAutoWidth(true).setFlexGrow(0);
        addColumn(MetadataChange::path).setHeader(getTranslation("metadataCenter.change.path")).setAutoWidth(true);
        addColumn(change -> change.description(locale)).setHeader(getTranslation("metadataCenter.change.description"))
                .setFlexGrow(1);
        setEmptyStateText(getTranslation("metadataCenter.change.none"));
    }

    void show(List<MetadataChange> changes) {
        setItems(changes);
    }
}
