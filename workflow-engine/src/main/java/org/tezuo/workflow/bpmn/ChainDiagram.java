package org.tezuo.workflow.bpmn;

import java.util.List;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.GraphicInfo;

/**
 * Places the elements of a compiled chain for BPMN diagram interchange. The approval path runs left to right on
 * one row; the rejected end sits above its right end and the resubmission task below the first approver, so
 * every reject edge runs along one lane above the row and every return edge along one lane below it.
 */
final class ChainDiagram {

    static final double TASK_WIDTH = 100;
    static final double TASK_HEIGHT = 80;
    static final double GATEWAY_SIZE = 50;
    static final double EVENT_SIZE = 36;

    private static final double GAP = 50;
    private static final double ROW_CENTRE_Y = 180;
    private static final double REJECT_LANE_Y = 60;
    private static final double RETURN_LANE_Y = 360;
    private static final double LEFT_MARGIN = 40;

    private final BpmnModel model;
    private double cursorX = LEFT_MARGIN;
    private double firstTaskX = Double.NaN;

    ChainDiagram(BpmnModel model) {
        this.model = model;
    }

    /** Places the start event at the left of the row. */
    void placeStart(String id) {
        place(id, cursorX, EVENT_SIZE);
    }

    /** Places the next approver task on the row, after the last placed element. */
    void placeTask(String id) {
        cursorX += GAP;
        if (Double.isNaN(firstTaskX)) {
            firstTaskX = cursorX;
        }
        place(id, cursorX, TASK_WIDTH, TASK_HEIGHT);
    }

    /** Places the next gateway on the row. */
    void placeGateway(String id) {
        cursorX += GAP;
        place(id, cursorX, GATEWAY_SIZE);
    }

    /** Places the approved end at the right of the row and the rejected end above it. */
    void placeEnds(String approvedId, String rejectedId) {
        cursorX += GAP;
        place(approvedId, cursorX, EVENT_SIZE);
        model.addGraphicInfo(rejectedId,
                new GraphicInfo(cursorX, REJECT_LANE_Y - EVENT_SIZE / 2, EVENT_SIZE, EVENT_SIZE));
    }

    /** Places the resubmission task below the first approver task. */
    void placeResubmitTask(String id) {
        model.addGraphicInfo(id,
                new GraphicInfo(firstTaskX, RETURN_LANE_Y - TASK_HEIGHT / 2, TASK_WIDTH, TASK_HEIGHT));
    }

    /** Draws a straight edge between two elements of the row. */
    void connectOnRow(String flowId, String sourceId, String targetId) {
        GraphicInfo source = model.getGraphicInfo(sourceId);
        GraphicInfo target = model.getGraphicInfo(targetId);
        edge(flowId, point(right(source), ROW_CENTRE_Y), point(target.getX(), ROW_CENTRE_Y));
    }

    /** Draws a gateway's reject edge up to the reject lane and along it to the rejected end. */
    void connectToRejected(String flowId, String gatewayId, String rejectedId) {
        GraphicInfo gateway = model.getGraphicInfo(gatewayId);
        GraphicInfo end = model.getGraphicInfo(rejectedId);
        double x = centreX(gateway);
        edge(flowId, point(x, gateway.getY()), point(x, REJECT_LANE_Y), point(end.getX(), REJECT_LANE_Y));
    }

    /** Draws a gateway's return edge down to the return lane and along it to the resubmission task. */
    void connectToResubmit(String flowId, String gatewayId, String resubmitId) {
        GraphicInfo gateway = model.getGraphicInfo(gatewayId);
        GraphicInfo task = model.getGraphicInfo(resubmitId);
        double x = centreX(gateway);
        edge(flowId, point(x, gateway.getY() + gateway.getHeight()), point(x, RETURN_LANE_Y),
                point(right(task), RETURN_LANE_Y));
    }

    /** Draws the edge from the resubmission task straight up to the first approver task. */
    void connectResubmitToFirstTask(String flowId, String resubmitId, String firstTaskId) {
        GraphicInfo task = model.getGraphicInfo(resubmitId);
        GraphicInfo first = model.getGraphicInfo(firstTaskId);
        double x = centreX(task);
        edge(flowId, point(x, task.getY()), point(x, first.getY() + first.getHeight()));
    }

    private void place(String id, double x, double size) {
        place(id, x, size, size);
    }

    private void place(String id, double x, double width, double height) {
        model.addGraphicInfo(id, new GraphicInfo(x, ROW_CENTRE_Y - height / 2, width, height));
        cursorX = x + width;
    }

    private void edge(String flowId, GraphicInfo... waypoints) {
        model.addFlowGraphicInfoList(flowId, List.of(waypoints));
    }

    private static GraphicInfo point(double x, double y) {
        return new GraphicInfo(x, y);
    }

    private static double right(GraphicInfo shape) {
        return shape.getX() + shape.getWidth();
    }

    private static double centreX(GraphicInfo shape) {
        return shape.getX() + shape.getWidth() / 2;
    }
}
