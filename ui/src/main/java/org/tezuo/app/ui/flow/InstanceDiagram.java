package org.tezuo.app.ui.flow;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;

/**
 * A page section with the BPMN diagram of one approval, finished nodes in green and current ones in orange, or a
 * note when the permit has not reached approval yet.
 */
public class InstanceDiagram extends Div {

    /**
     * Creates the section.
     *
     * @param id element id of the section; the viewer gets {@code <id>-viewer}
     * @param diagram the approval's diagram, empty when there is no process instance
     */
    public InstanceDiagram(String id, Optional<ProcessDiagrams.Diagram> diagram) {
        setId(id);
        setWidthFull();
        add(new H3(getTranslation("permit.diagram")));
        if (diagram.isEmpty()) {
            add(new Paragraph(getTranslation("permit.diagram.none")));
            return;
        }

        Span legend = new Span(getTranslation("permit.diagram.legend"));
        legend.addClassName("tezuo-muted");
        BpmnViewer viewer = new BpmnViewer();
        viewer.setId(id + "-viewer");
        viewer.show(diagram.get().xml());
        viewer.mark(diagram.get().finished(), diagram.get().current());
        add(legend, viewer);
    }
}
