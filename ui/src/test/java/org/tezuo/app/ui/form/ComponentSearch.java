package org.tezuo.app.ui.form;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds components by element id in a component tree built without a browser. */
final class ComponentSearch {

    private ComponentSearch() {
    }

    static Optional<Component> find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return Optional.of(root);
        }
        return root.getChildren().map(child -> find(child, id)).flatMap(Optional::stream).findFirst();
    }

    static <T extends Component> T require(Component root, String id, Class<T> type) {
        return type.cast(find(root, id).orElseThrow(() -> new AssertionError("No component with id " + id)));
    }

    /** Returns every element id in the tree, parents before children. */
    static Stream<String> ids(Component root) {
        return Stream.concat(root.getId().stream(), root.getChildren().flatMap(ComponentSearch::ids));
    }
}
