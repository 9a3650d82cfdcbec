package org.tezuo.core.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The delta documents of a pack applied to a copy of their target's body, and the reasons they are refused. */
class PackDeltasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PackDeltas deltas = new PackDeltas(Locale.SIMPLIFIED_CHINESE);

    private static ObjectNode form() {
        return (ObjectNode) JSON.readTree("""
                {"title": {"zh": "受限空间作业票"},
                 "schema": {"type": "object", "properties": {"spaceName": {"type": "string"}}},
                 "layout": {"sections": [{"title": {"zh": "作业"}, "columns": 1, "fields": ["spaceName"]},
                                         {"title": {"zh": "签字"}, "columns": 1, "fields": []}]}}""");
    }

    private static ObjectNode flow() {
        return (ObjectNode) JSON.readTree("""
                {"name": {"zh": "审批"}, "nodes": [
                  {"id": "leader", "type": "approver", "name": {"zh": "作业负责人"}},
                  {"id": "grade", "type": "branch", "name": {"zh": "按级别"}, "branches": [
                    {"id": "one", "name": {"zh": "一级"}, "default": true,
                     "nodes": [{"id": "director", "type": "approver", "name": {"zh": "安全总监"}}]}]}]}""");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    @DisplayName("A form field addition adds the field and a new section right after the named one")
    void formFieldAndSection() {
        ObjectNode form = form();

        deltas.apply(PackDeltaKind.FORM_FIELD_ADDITION, "form-field-addition:record", json("""
                {"target": "permit", "fields": {"ventilation": {"type": "string"}}, "required": ["ventilation"],
                 "section": {"title": {"zh": "通风"}, "columns": 1, "after": "作业"}}"""), form);

        assertThat(deltas.problems()).isEmpty();
        assertThat(form.path("schema").path("properties").has("ventilation")).isTrue();
        assertThat(form.path("schema").path("required").get(0).asString()).isEqualTo("ventilation");
        assertThat(form.path("layout").path("sections").get(1).path("fields").get(0).asString())
                .isEqualTo("ventilation");
    }

    @Test
    @DisplayName("Adding a field the form already has with the same content changes nothing; other content collides")
    void formFieldCollision() {
        ObjectNode form = form();
        JsonNode same = json("""
                {"target": "permit", "fields": {"spaceName": {"type": "string"}}}""");
        deltas.apply(PackDeltaKind.FORM_FIELD_ADDITION, "form-field-addition:same", same, form);
        assertThat(deltas.problems()).isEmpty();
        assertThat(form).isEqualTo(form());

        deltas.apply(PackDeltaKind.FORM_FIELD_ADDITION, "form-field-addition:other", json("""
                {"target": "permit", "fields": {"spaceName": {"type": "number"}}}"""), form);

        assertThat(deltas.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo("form-field-addition:other");
            assertThat(problem.message()).contains("spaceName", "permit");
        });
    }

    @Test
    @DisplayName("A section placed after a title the form does not have is refused with that title")
    void missingSection() {
        deltas.apply(PackDeltaKind.FORM_FIELD_ADDITION, "form-field-addition:record", json("""
                {"target": "permit", "fields": {"ventilation": {"type": "string"}},
                 "section": {"title": {"zh": "通风"}, "after": "气体分析"}}"""), form());

        assertThat(deltas.problems()).extracting(PackProblem::message).singleElement().asString().contains("气体分析");
    }

    @Test
    @DisplayName("A flow gate change adds a node after one inside a branch and replaces another by id")
    void flowAddAndReplace() {
        ObjectNode flow = flow();

        deltas.apply(PackDeltaKind.FLOW_GATE_CHANGE, "flow-gate-change:gate", json("""
                {"target": "approval", "changes": [
                  {"op": "add", "after": "director",
                   "node": {"id": "qualification", "type": "gate", "name": {"zh": "资质校验"}, "action": "qualificationCheck"}},
                  {"op": "replace", "node": {"id": "leader", "type": "approver", "name": {"zh": "监护人"}}}]}"""),
                flow);

        assertThat(deltas.problems()).isEmpty();
        JsonNode branchNodes = flow.path("nodes").get(1).path("branches").get(0).path("nodes");
        assertThat(branchNodes.get(1).path("id").asString()).isEqualTo("qualification");
        assertThat(flow.path("nodes").get(0).path("name").path("zh").asString()).isEqualTo("监护人");
    }

    @Test
    @DisplayName("A flow gate change naming an absent node, or adding an id the flow has with other content, is refused")
    void flowProblems() {
        deltas.apply(PackDeltaKind.FLOW_GATE_CHANGE, "flow-gate-change:gate", json("""
                {"target": "approval", "changes": [
                  {"op": "replace", "node": {"id": "guardian", "type": "approver", "name": {"zh": "监护人"}}},
                  {"op": "add", "after": "nowhere", "node": {"id": "cc", "type": "cc", "name": {"zh": "抄送"}}},
                  {"op": "add", "node": {"id": "leader", "type": "cc", "name": {"zh": "抄送"}}}]}"""), flow());

        assertThat(deltas.problems()).extracting(PackProblem::message).satisfiesExactly(
                message -> assertThat(message).contains("guardian", "approval"),
                message -> assertThat(message).contains("nowhere"),
                message -> assertThat(message).contains("leader", "replace"));
    }

    @Test
    @DisplayName("A ruleset change adds thresholds and rules, replaces a lifecycle version, and refuses a missing one")
    void rulesetChange() {
        ObjectNode ruleset = (ObjectNode) json("""
                {"name": {"zh": "规则"}, "variables": ["x"], "thresholds": {"limit": {"value": 1, "unit": "级", "source": "s"}},
                 "rules": [], "lifecycleRules": [{"id": "order-19", "validityYears": 6}]}""");

        deltas.apply(PackDeltaKind.RULESET_CHANGE, "ruleset-change:more", json("""
                {"target": "lifecycle",
                 "add": {"variables": ["x", "y"], "thresholds": {"other": {"value": 2, "unit": "级", "source": "s"}},
                         "rules": [{"id": "r.one", "when": "y > thresholds.other"}]},
                 "replace": {"lifecycleRules": [{"id": "order-19", "validityYears": 6, "preReviewTrainingHours": 8},
                                                {"id": "order-20", "validityYears": 5}]}}"""), ruleset);

        assertThat(ruleset.path("variables")).hasSize(2);
        assertThat(ruleset.path("thresholds").has("other")).isTrue();
        assertThat(ruleset.path("rules")).hasSize(1);
        assertThat(ruleset.path("lifecycleRules").get(0).has("preReviewTrainingHours")).isTrue();
        assertThat(deltas.problems()).extracting(PackProblem::message).singleElement().asString()
                .contains("lifecycleRules.order-20", "lifecycle");
    }

    @Test
    @DisplayName("A delta without a target is refused with its reference")
    void noTarget() {
        assertThat(deltas.targetKey("flow-gate-change:gate", json("{\"changes\": []}"))).isNull();
        assertThat(deltas.problems()).extracting(PackProblem::where).containsExactly("flow-gate-change:gate");
    }
}
