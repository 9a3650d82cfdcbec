package org.tezuo.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.environment.GasReadingParser;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.core.rules.RuleSeverity;
import org.tezuo.core.rules.RulesetCompiler;

/** The site-phase rules of the GB 30871-2022 rulesets, which read {@code siteAction} and the site timings. */
class SiteRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime WORK_START = OffsetDateTime.parse("2026-12-04T09:00+08:00");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T12:00+08:00");

    private final RulesetCompiler compiler = new RulesetCompiler(new MvelExpressionCompiler());
    private final RiskEvaluator evaluator = new RiskEvaluator();
    private final List<GasReading> cleanReading = new GasReadingParser(SHANGHAI).parse("""
            {"detectorId":"GD-01","measuredAt":"2026-12-04T11:50+08:00","oxygenPercentVol":"20.9",
             "coPpm":"0","h2sPpm":"0","flammable":{"value":"0","unit":"%LEL","gas":"甲烷"}}""");

    @Test
    @DisplayName("A stop longer than 30 minutes needs a re-test for grade 一级 hot work, and one of 29 does not")
    void firstGradeResumeThreshold() {
        assertThat(blocking(hotWork(), resume("一级", 31, null))).containsExactly("hot-work.site.resume.retest-missing");
        assertThat(blocking(hotWork(), resume("一级", 29, null))).isEmpty();
        assertThat(blocking(hotWork(), resume("特级", 31, null))).containsExactly("hot-work.site.resume.retest-missing");
    }

    @Test
    @DisplayName("Grade 二级 hot work needs a re-test only after a stop longer than 60 minutes")
    void secondGradeResumeThreshold() {
        assertThat(blocking(hotWork(), resume("二级", 59, null))).isEmpty();
        assertThat(blocking(hotWork(), resume("二级", 61, null))).containsExactly("hot-work.site.resume.retest-missing");
    }

    @Test
    @DisplayName("A gas test passed after the stop lets long-stopped hot work resume")
    void retestAfterStopPasses() {
        assertThat(blocking(hotWork(), resume("一级", 45, 5))).isEmpty();
        assertThat(blocking(hotWork(), resume("一级", 45, 50))).containsExactly(
                "hot-work.site.resume.retest-missing");
    }

    @Test
    @DisplayName("The resume message names the stop, the limit and the clause")
    void resumeMessage() {
        RiskItem item = items(hotWork(), resume("一级", 31, null)).stream()
                .filter(candidate -> candidate.code().equals("hot-work.site.resume.retest-missing"))
                .findFirst().orElseThrow();

        assertThat(item.message().zh()).isEqualTo("一级动火已中断 31 分钟，超过 30 分钟，中断后尚未重新进行动火分析；请重新分析"
                + "合格后再恢复作业 — GB 30871-2022 5.3");
        assertThat((BigDecimal) item.limit()).isEqualByComparingTo("30");
    }

    @Test
    @DisplayName("Confined-space work stopped for more than 60 minutes needs a re-test")
    void confinedSpaceResumeThreshold() {
        Map<String, @Nullable Object> stopped = confinedSpace("resume");
        stopped.put("siteStopMinutes", new BigDecimal("61"));
        Map<String, @Nullable Object> shortStop = confinedSpace("resume");
        shortStop.put("siteStopMinutes", new BigDecimal("59"));

        assertThat(blocking(confinedSpaceRules(), stopped)).containsExactly(
                "confined-space.site.resume.retest-missing");
        assertThat(blocking(confinedSpaceRules(), shortStop)).isEmpty();
    }

    @Test
    @DisplayName("Confined-space readings are due within the reminder lead and overdue after 2 hours")
    void confinedSpaceRetestInterval() {
        Map<String, @Nullable Object> early = confinedSpace("watch");
        early.put("siteGasTestAgeMinutes", new BigDecimal("100"));
        Map<String, @Nullable Object> due = confinedSpace("watch");
        due.put("siteGasTestAgeMinutes", new BigDecimal("106"));
        Map<String, @Nullable Object> overdue = confinedSpace("watch");
        overdue.put("siteGasTestAgeMinutes", new BigDecimal("121"));

        assertThat(codes(items(confinedSpaceRules(), early))).doesNotContain("confined-space.site.retest-due");
        assertThat(codes(items(confinedSpaceRules(), due))).contains("confined-space.site.retest-due");
        assertThat(blocking(confinedSpaceRules(), due)).isEmpty();
        assertThat(blocking(confinedSpaceRules(), overdue)).containsExactly("confined-space.site.retest-overdue");
    }

    @Test
    @DisplayName("A validity that ran out blocks every site step")
    void validityExpired() {
        Map<String, @Nullable Object> watch = variables("一级", "watch");
        watch.put("workEnd", NOW.minusMinutes(1));

        assertThat(blocking(hotWork(), watch)).containsExactly("hot-work.site.validity.expired");
    }

    @Test
    @DisplayName("Lifting and blind-flange permits cannot be extended on site")
    void noExtensionWithoutLimit() {
        Map<String, @Nullable Object> lifting = new HashMap<>();
        lifting.put("siteAction", "extend");
        lifting.put("grade", "三级");
        lifting.put("loadMassTonnes", new BigDecimal("12"));
        lifting.put("openAir", false);
        lifting.put("workStart", WORK_START);
        lifting.put("workEnd", NOW.plusHours(2));
        Map<String, @Nullable Object> blind = new HashMap<>();
        blind.put("siteAction", "extend");
        blind.put("blindAction", "堵");
        blind.put("workStart", WORK_START);

        assertThat(blocking(load("gb30871-2022.lifting"), lifting)).containsExactly("lifting.site.extend.no-limit");
        assertThat(blocking(load("gb30871-2022.blind-flange"), blind)).containsExactly(
                "blind-flange.site.extend.single-action");
    }

    @Test
    @DisplayName("Site rules stay silent on submission, when no site step is set")
    void silentOnSubmission() {
        Map<String, @Nullable Object> submission = variables("一级", null);
        submission.put("siteStopMinutes", new BigDecimal("90"));
        submission.put("siteGasTestAgeMinutes", new BigDecimal("2000"));
        submission.put("workEnd", NOW.minusHours(1));

        assertThat(codes(items(hotWork(), submission))).noneMatch(code -> code.contains(".site."));
    }

    private Map<String, @Nullable Object> resume(String grade, int stoppedMinutes, @Nullable Integer gasTestAgeMinutes) {
        Map<String, @Nullable Object> variables = variables(grade, "resume");
        variables.put("siteStopMinutes", new BigDecimal(stoppedMinutes));
        variables.put("siteGasTestAgeMinutes", gasTestAgeMinutes == null ? new BigDecimal(stoppedMinutes + 60)
                : new BigDecimal(gasTestAgeMinutes));
        return variables;
    }

    private Map<String, @Nullable Object> variables(String grade, @Nullable String siteAction) {
        Map<String, @Nullable Object> variables = new HashMap<>();
        variables.put("grade", grade);
        variables.put("openAir", false);
        variables.put("oxygenService", false);
        variables.put("workStart", WORK_START);
        variables.put("workEnd", WORK_START.plusHours(7));
        variables.put("siteAction", siteAction);
        return variables;
    }

    private Map<String, @Nullable Object> confinedSpace(String siteAction) {
        Map<String, @Nullable Object> variables = new HashMap<>();
        variables.put("oxygenEnriched", false);
        variables.put("workStart", WORK_START);
        variables.put("workEnd", WORK_START.plusHours(6));
        variables.put("siteAction", siteAction);
        variables.put("siteReminderLeadMinutes", new BigDecimal("15"));
        return variables;
    }

    private List<String> blocking(CompiledRuleset ruleset, Map<String, @Nullable Object> variables) {
        return items(ruleset, variables).stream()
                .filter(item -> item.severity() == RuleSeverity.BLOCK)
                .map(RiskItem::code)
                .toList();
    }

    private List<RiskItem> items(CompiledRuleset ruleset, Map<String, @Nullable Object> variables) {
        return evaluator.evaluate(ruleset, variables, null, cleanReading, NOW).items();
    }

    private static List<String> codes(List<RiskItem> items) {
        return items.stream().map(RiskItem::code).toList();
    }

    private CompiledRuleset hotWork() {
        return load("gb30871-2022.hot-work");
    }

    private CompiledRuleset confinedSpaceRules() {
        return load("gb30871-2022.confined-space");
    }

    private CompiledRuleset load(String id) {
        return compiler.loadResource(PolicyPackCatalog.ruleset(id).orElseThrow().resourcePath());
    }
}
