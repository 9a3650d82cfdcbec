package org.tezuo.app.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.evaluation.FormEvaluator;
import tools.jackson.databind.json.JsonMapper;

/** The renderer shows, hides and marks fields as the form's conditions decide, with the server's evaluator. */
class ConditionalFieldStatesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String DOCUMENT = """
            {"title": {"zh": "加班申请"},
             "schema": {"type": "object", "properties": {
               "overtime": {"type": "boolean", "x-label": {"zh": "是否加班"}},
               "reason": {"type": "string", "x-label": {"zh": "加班原因"},
                          "x-visibleWhen": "overtime == true", "x-requiredWhen": "overtime == true"}}},
             "layout": {"sections": [{"title": {"zh": "申请"}, "fields": ["overtime", "reason"]}]}}""";

    private static final String TABBED = """
            {"title": {"zh": "加班申请"},
             "schema": {"type": "object", "properties": {
               "hours": {"type": "integer", "x-label": {"zh": "加班小时"}},
               "minutes": {"type": "integer", "x-label": {"zh": "折合分钟"}, "x-computed": "hours * 60"},
               "overtime": {"type": "boolean", "x-label": {"zh": "是否加班"}},
               "reason": {"type": "string", "x-label": {"zh": "加班原因"}}}},
             "layout": {"tabs": [
               {"id": "basics", "title": {"zh": "基本"},
                "sections": [{"title": {"zh": "时长"}, "fields": ["hours", "minutes", "overtime"]}]},
               {"id": "why", "title": {"zh": "说明"},
                "sections": [{"id": "explain", "title": {"zh": "原因"}, "x-visibleWhen": "overtime == true",
                              "fields": ["reason"]}]}]}}""";

    private FormRenderer renderer;

    @BeforeEach
    void render() {
        UI ui = new UI();
        ui.setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.setCurrent(ui);
        renderer = render(DOCUMENT);
    }

    private static FormRenderer render(String document) {
        FormDefinition form = new FormDefinitionParser().parse("overtime", 1, JSON.readTree(document));
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC);
        FieldStates conditions = new ConditionalFieldStates(new FormEvaluator(new MvelExpressionCompiler()),
                "worker", "team-1", SHANGHAI, Locale.SIMPLIFIED_CHINESE, clock);
        return new FormRenderer(form, new FormContext(Locale.SIMPLIFIED_CHINESE, SHANGHAI, List.of(), List.of(),
                null, conditions));
    }

    @AfterEach
    void clearUi() {
        UI.setCurrent(null);
    }

    @Test
    void hiddenWhileConditionIsFalse() {
        renderer.read(JSON.readTree("{\"overtime\": false}"));

        assertThat(reasonField().isVisible()).isFalse();
    }

    @Test
    void shownAndRequiredWhenConditionHolds() {
        renderer.read(JSON.readTree("{\"overtime\": true}"));

        assertThat(reasonField().isVisible()).isTrue();
        assertThat(reasonField().isRequiredIndicatorVisible()).isTrue();
    }

    @Test
    void tabsBecomeTabSheet() {
        FormRenderer tabbed = render(TABBED);

        TabSheet tabs = ComponentSearch.find(tabbed, "form-tabs").map(TabSheet.class::cast).orElseThrow();
        assertThat(tabs.getTabCount()).isEqualTo(2);
        assertThat(ComponentSearch.find(tabbed, "field-reason")).isPresent();
    }

    @Test
    void sectionHiddenByItsCondition() {
        FormRenderer tabbed = render(TABBED);

        tabbed.read(JSON.readTree("{\"overtime\": false}"));
        assertThat(ComponentSearch.find(tabbed, "section-explain").orElseThrow().isVisible()).isFalse();

        tabbed.read(JSON.readTree("{\"overtime\": true}"));
        assertThat(ComponentSearch.find(tabbed, "section-explain").orElseThrow().isVisible()).isTrue();
    }

    @Test
    void computedFieldShowsServerValue() {
        FormRenderer tabbed = render(TABBED);

        tabbed.read(JSON.readTree("{\"hours\": 2, \"minutes\": 5}"));

        assertThat(tabbed.write().path("minutes").asInt()).isEqualTo(120);
        assertThat(ComponentSearch.find(tabbed, "field-minutes").map(HasValue.class::cast).orElseThrow()
                .isReadOnly()).isTrue();
    }

    @Test
    void dottedPathOfTableCell() {
        assertThat(ConditionalFieldStates.dottedPath("$.gasAnalyses[1].time")).isEqualTo("gasAnalyses.1.time");
        assertThat(ConditionalFieldStates.dottedPath("$.reason")).isEqualTo("reason");
    }

    private TextField reasonField() {
        return ComponentSearch.find(renderer, "field-reason").map(TextField.class::cast).orElseThrow();
    }
}
