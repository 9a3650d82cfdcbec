package org.tezuo.app.ui.form;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Finds components by element id in a component tree built without a browser. */
final class ComponentSearch {

    private ComponentSearch() {
    }

    static Optional<Component> find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return Optional.of(root);
        }
        return children(root).map(child -> find(child, id)).flatMap(Optional::stream).findFirst();
    }

    /** Returns the children of {@code root}, including the content of every tab of a tab sheet. */
    private static Stream<Component> children(Component root) {
        if (root instanceof TabSheet sheet) {
            Stream<Component> contents = IntStream.range(0, sheet.getTabCount())
                    .mapToObj(index -> sheet.getComponent(sheet.getTabAt(index)));
            return Stream.concat(root.getChildren(), contents);
        }
        return root.getChildren();
    }

    static <T extends Component> T require(Component root, String id, Class<T> type) {
        return type.cast(find(root, id).orElseThrow(() -> new AssertionError("No component with id " + id)));
    }

    /** Returns every element id in the tree, parents before children. */
    static Stream<String> ids(Component root) {
        return Stream.concat(root.getId().stream(), children(root).flatMap(ComponentSearch::ids));
    }
}
