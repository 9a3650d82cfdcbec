package org.tezuo.workflow.bpmn;

import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.GraphicInfo;

/**
 * Places the shapes of a compiled chain and routes its edges for BPMN diagram interchange. The compiler places
 * shapes while it walks the chain tree, using the sizes of {@link ChainSize}; edges are routed afterwards, when
 * every shape and the extent of the whole diagram are known. Forward edges run left to right with right-angle
 * bends; reject edges run along a lane above the diagram, return edges along a lane below it, and every edge back
 * to an earlier node gets its own lane under the return lane, so no two back edges share a segment.
 */
final class ChainDiagram {

    static final double TASK_WIDTH = 100;
    static final double TASK_HEIGHT = 80;
    static final double LIMIT_TASK_HEIGHT = 60;
    static final double GATEWAY_SIZE = 50;
    static final double EVENT_SIZE = 36;

    private static final double LANE_MARGIN = 50;
    private static final double BACK_LANE_SPACING = 16;

    private final BpmnModel model;
    private final List<PendingEdge> edges = new ArrayList<>();

    ChainDiagram(BpmnModel model) {
        this.model = model;
    }

    /** Places a shape with its top-left corner at (x, centreY - height / 2). */
    void place(String id, double x, double centreY, double width, double height) {
        model.addGraphicInfo(id, new GraphicInfo(x, centreY - height / 2, width, height));
    }

    /** Places an expanded sub-process shape. */
    void placeContainer(String id, double x, double y, double width, double height) {
        GraphicInfo shape = new GraphicInfo(x, y, width, height);
        shape.setExpanded(true);
        model.addGraphicInfo(id, shape);
    }

    /** Places a boundary event centred on the bottom edge of its host, {@code offset} from the host's left. */
    void placeOnBottomEdge(String id, String hostId, double offset) {
        GraphicInfo host = shape(hostId);
        model.addGraphicInfo(id, new GraphicInfo(host.getX() + offset, host.getY() + host.getHeight()
                - EVENT_SIZE / 2, EVENT_SIZE, EVENT_SIZE));
    }

    /** Places a boundary event centred on the top edge of its host, {@code offset} from the host's left. */
    void placeOnTopEdge(String id, String hostId, double offset) {
        GraphicInfo host = shape(hostId);
        model.addGraphicInfo(id, new GraphicInfo(host.getX() + offset, host.getY() - EVENT_SIZE / 2, EVENT_SIZE,
                EVENT_SIZE));
    }

    GraphicInfo shape(String id) {
        GraphicInfo shape = model.getGraphicInfo(id);
        if (shape == null) {
            throw new IllegalStateException("No shape placed for element " + id);
        }
        return shape;
    }

    /** Records a forward edge, drawn with right-angle bends between the two shapes. */
    void forward(String flowId, String sourceId, String targetId) {
        edges.add(new PendingEdge(flowId, sourceId, targetId, Route.FORWARD, Double.NaN));
    }

    /** Records an edge that runs straight down from the source to the target below it. */
    void down(String flowId, String sourceId, String targetId) {
        edges.add(new PendingEdge(flowId, sourceId, targetId, Route.DOWN, Double.NaN));
    }

    /** Records an edge to the rejected end, drawn along the reject lane above the diagram. */
    void toRejectLane(String flowId, String sourceId, String targetId) {
        edges.add(new PendingEdge(flowId, sourceId, targetId, Route.REJECT_LANE, Double.NaN));
    }

    /** Records an edge to a shape on a fixed row, such as an error end event at the top of a sub-process. */
    void alongRow(String flowId, String sourceId, String targetId, double rowY) {
        edges.add(new PendingEdge(flowId, sourceId, targetId, Route.ROW, rowY));
    }

    /** Records an edge to the resubmission task, drawn along the return lane below the diagram. */
    void toReturnLane(String flowId, String sourceId, String targetId) {
        edges.add(new PendingEdge(flowId, sourceId, targetId, Route.RETURN_LANE, Double.NaN));
    }

    /**
     * Records the edge from the resubmission task below the row up to the first element of the chain, bending at
     * {@code bendX} in the gap between the start event and that element.
     */
    void resubmit(String flowId, String resubmitId, String firstId, double bendX) {
        edges.add(new PendingEdge(flowId, resubmitId, firstId, Route.RESUBMIT, bendX));
    }

    /** Records an edge back to an earlier node, drawn along a lane of its own below the diagram. */
    void back(String flowId, String sourceId, String targetId) {
        edges.add(new PendingEdge(flowId, sourceId, targetId, Route.BACK, Double.NaN));
    }

    /** Returns the y of the reject lane, above every shape placed so far. */
    double rejectLaneY() {
        return top() - LANE_MARGIN;
    }

    /** Returns the y of the return lane, below every shape placed so far. */
    double returnLaneY() {
        return bottom() + LANE_MARGIN + TASK_HEIGHT / 2;
    }

    /** Routes every recorded edge. Call once, after the last shape is placed. */
    void routeEdges() {
        double rejectLane = centreY(shape(ChainVariables.REJECTED_END));
        double returnLane = centreY(shape(ChainVariables.RESUBMIT_TASK));
        double backLane = returnLane + TASK_HEIGHT / 2 + LANE_MARGIN / 2;
        for (PendingEdge edge : edges) {
            GraphicInfo source = shape(edge.sourceId());
            GraphicInfo target = shape(edge.targetId());
            List<GraphicInfo> points = switch (edge.route()) {
                case FORWARD -> forwardPoints(source, target);
                case DOWN -> downPoints(source, target);
                case REJECT_LANE -> viaLane(source, target, rejectLane, true);
                case ROW -> viaLane(source, target, edge.rowY(), true);
                case RETURN_LANE -> viaLane(source, target, returnLane, true);
                case RESUBMIT -> List.of(point(source.getX(), centreY(source)), point(edge.rowY(), centreY(source)),
                        point(edge.rowY(), centreY(target)), point(target.getX(), centreY(target)));
                case BACK -> {
                    backLane += BACK_LANE_SPACING;
                    yield viaLane(source, target, backLane, false);
                }
            };
            model.addFlowGraphicInfoList(edge.flowId(), points);
        }
    }

    /**
     * Leaves a gateway vertically when the target is on another row (a fork), enters a gateway vertically when the
     * source is on another row (a join), and bends half-way between two other shapes.
     */
    private List<GraphicInfo> forwardPoints(GraphicInfo source, GraphicInfo target) {
        double sourceY = centreY(source);
        double targetY = centreY(target);
        if (Math.abs(sourceY - targetY) < 0.5) {
            return List.of(point(right(source), sourceY), point(target.getX(), targetY));
        }
        boolean sourceIsGateway = source.getWidth() == GATEWAY_SIZE && source.getHeight() == GATEWAY_SIZE;
        boolean targetIsGateway = target.getWidth() == GATEWAY_SIZE && target.getHeight() == GATEWAY_SIZE;
        if (sourceIsGateway) {
            double exitY = targetY > sourceY ? bottom(source) : source.getY();
            return List.of(point(centreX(source), exitY), point(centreX(source), targetY),
                    point(target.getX(), targetY));
        }
        if (targetIsGateway) {
            double entryY = sourceY > targetY ? bottom(target) : target.getY();
            return List.of(point(right(source), sourceY), point(centreX(target), sourceY),
                    point(centreX(target), entryY));
        }
        double middleX = (right(source) + target.getX()) / 2;
        return List.of(point(right(source), sourceY), point(middleX, sourceY), point(middleX, targetY),
                point(target.getX(), targetY));
    }

    private static List<GraphicInfo> downPoints(GraphicInfo source, GraphicInfo target) {
        if (Math.abs(centreX(source) - centreX(target)) < 0.5) {
            return List.of(point(centreX(source), bottom(source)), point(centreX(source), target.getY()));
        }
        double middleY = (bottom(source) + target.getY()) / 2;
        return List.of(point(centreX(source), bottom(source)), point(centreX(source), middleY),
                point(centreX(target), middleY), point(centreX(target), target.getY()));
    }

    /**
     * Leaves the source vertically towards the lane, runs along it and enters the target from the lane's side, or
     * from the side facing the source when the target sits on the lane itself.
     */
    private static List<GraphicInfo> viaLane(GraphicInfo source, GraphicInfo target, double laneY,
            boolean enterFromSideOnLane) {
        double sourceX = centreX(source);
        double exitY = laneY < centreY(source) ? source.getY() : bottom(source);
        List<GraphicInfo> points = new ArrayList<>();
        points.add(point(sourceX, exitY));
        points.add(point(sourceX, laneY));
        if (enterFromSideOnLane && laneY >= target.getY() && laneY <= bottom(target)) {
            points.add(point(target.getX() > sourceX ? target.getX() : right(target), laneY));
            return points;
        }
        double targetX = centreX(target);
        points.add(point(targetX, laneY));
        points.add(point(targetX, laneY < centreY(target) ? target.getY() : bottom(target)));
        return points;
    }

    private double top() {
        return model.getLocationMap().values().stream().mapToDouble(GraphicInfo::getY).min().orElse(0);
    }

    private double bottom() {
        return model.getLocationMap().values().stream().mapToDouble(ChainDiagram::bottom).max().orElse(0);
    }

    private static GraphicInfo point(double x, double y) {
        return new GraphicInfo(x, y);
    }

    private static double right(GraphicInfo shape) {
        return shape.getX() + shape.getWidth();
    }

    private static double bottom(GraphicInfo shape) {
        return shape.getY() + shape.getHeight();
    }

    private static double centreX(GraphicInfo shape) {
        return shape.getX() + shape.getWidth() / 2;
    }

    private static double centreY(GraphicInfo shape) {
        return shape.getY() + shape.getHeight() / 2;
    }

    private enum Route { FORWARD, DOWN, REJECT_LANE, ROW, RETURN_LANE, RESUBMIT, BACK }

    private record PendingEdge(String flowId, String sourceId, String targetId, Route route, double rowY) {
    }
}
