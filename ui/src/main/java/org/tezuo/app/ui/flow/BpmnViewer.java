package org.tezuo.app.ui.flow;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import java.util.Collection;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A read-only BPMN 2.0 diagram drawn by the bpmn-js NavigatedViewer (pan and zoom), served from
 * {@code /vendor/bpmn-js/} where the ui build copies the prebuilt bundle. The bpmn.io watermark stays visible, as
 * the bpmn-js licence requires. Finished and current activities can be marked with CSS classes
 * ({@code tezuo-bpmn-finished}, {@code tezuo-bpmn-current}, styled in flow-designer.css).
 *
 * <p>The element gets {@code data-rendered="true"} once a diagram is drawn and {@code data-error} with the
 * library's message when the XML cannot be drawn.
 */
@Tag("div")
@JavaScript(BpmnViewer.SCRIPT)
@StyleSheet("context://vendor/bpmn-js/dist/assets/diagram-js.css")
@StyleSheet("context://vendor/bpmn-js/dist/assets/bpmn-js.css")
@StyleSheet("context://styles/flow-designer.css")
public class BpmnViewer extends Component implements HasSize, HasStyle {

    static final String SCRIPT = "context://vendor/bpmn-js/dist/bpmn-navigated-viewer.production.min.js";

    /** Imports the XML once the library has loaded, then fits the diagram to the element. */
    private static final String SHOW = """
            const element = this;
            element.removeAttribute('data-rendered');
            element.removeAttribute('data-error');
            let waited = 0;
            const draw = () => {
              if (!window.BpmnJS) {
                waited++;
                if (waited === 40 && !element.$loading) {
                  // An AMD loader on the page makes the UMD bundle register with it instead of setting
                  // window.BpmnJS, so the bundle is run once more with define and module hidden.
                  const loaded = document.querySelector('script[src*="bpmn-navigated-viewer"]');
                  element.$loading = fetch(loaded ? loaded.src : $1).then(response => response.text())
                      .then(code => new Function('define', 'module', 'exports', code).call(window));
                }
                setTimeout(draw, 50);
                return;
              }
              if (!element.$viewer) {
                element.$viewer = new window.BpmnJS({container: element});
                // A diagram imported while its tab was hidden is fitted to a zero-sized box, so it is fitted
                // again whenever the box changes size.
                new ResizeObserver(() => {
                  if (element.clientWidth > 0 && element.getAttribute('data-rendered') === 'true') {
                    const canvas = element.$viewer.get('canvas');
                    canvas.resized();
                    canvas.zoom('fit-viewport', 'auto');
                  }
                }).observe(element);
              }
              element.$ready = element.$viewer.importXML($0).then(() => {
                element.$viewer.get('canvas').zoom('fit-viewport', 'auto');
                element.setAttribute('data-rendered', 'true');
              }).catch(error => element.setAttribute('data-error', String(error && error.message || error)));
            };
            draw();
            """;

    private static final String MARK = """
            const element = this;
            const apply = () => {
              if (!element.$ready) {
                setTimeout(apply, 50);
                return;
              }
              element.$ready.then(() => {
                const canvas = element.$viewer.get('canvas');
                const registry = element.$viewer.get('elementRegistry');
                registry.getAll().forEach(shape => {
                  canvas.removeMarker(shape.id, 'tezuo-bpmn-finished');
                  canvas.removeMarker(shape.id, 'tezuo-bpmn-current');
                });
                $0.filter(id => registry.get(id)).forEach(id => canvas.addMarker(id, 'tezuo-bpmn-finished'));
                $1.filter(id => registry.get(id)).forEach(id => canvas.addMarker(id, 'tezuo-bpmn-current'));
                element.setAttribute('data-marked', 'true');
              });
            };
            apply();
            """;

    public BpmnViewer() {
        addClassName("tezuo-bpmn-viewer");
    }

    /** Draws the BPMN 2.0 XML {@code xml}, replacing the diagram shown before. */
    public void show(String xml) {
        getElement().executeJs(SHOW, xml, SCRIPT.substring("context://".length()));
    }

    /** Marks finished and current activities by their BPMN ids; ids the diagram lacks are skipped. */
    public void mark(Collection<String> finished, Collection<String> current) {
        getElement().executeJs(MARK, toJsonArray(finished), toJsonArray(current));
    }

    private static ArrayNode toJsonArray(Collection<String> ids) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        ids.forEach(array::add);
        return array;
    }
}
