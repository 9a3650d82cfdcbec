package org.tezuo.app.ui.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.record.RecordService;
import tools.jackson.databind.json.JsonMapper;

/** The records list's data provider against PostgreSQL through the query layer. */
@SpringBootTest
class RecordListingTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    RecordListing listing;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    MetadataStore metadata;

    @Autowired
    RecordService records;

    @Autowired
    JsonMapper json;

    private InspectionRecords inspections;

    @BeforeEach
    void createRecords() {
        inspections = InspectionRecords.inNewTenant(tenants, metadata, records, json);
        inspections.create("储罐区动火点", "open", "2026-03-01");
        inspections.create("配电室巡检", "closed", "2026-03-05");
        inspections.create("储罐区 Pump_A", "closed", "2026-03-10");
        inspections.create("仓库消防通道", "open", "2026-04-01");
    }

    @Test
    void layoutListsEveryFieldByDefault() {
        RecordListLayout layout = layout(Locale.ENGLISH);

        assertThat(layout.columns()).extracting(ListColumn::column)
                .containsExactly("title", "status", "inspected_on", "updated_at");
        assertThat(layout.columns()).extracting(ListColumn::label)
                .containsExactly("Item", "Status", "Date", "Updated at");
        assertThat(layout.pageSize()).isEqualTo(50);
    }

    @Test
    void defaultSortIsNewestFirst() {
        assertThat(titles(RecordFilter.NONE, List.of(), 0, 10))
                .containsExactly("仓库消防通道", "储罐区 Pump_A", "配电室巡检", "储罐区动火点");
    }

    @Test
    void textFilterMatchesPartIgnoringCase() {
        RecordFilter filter = new RecordFilter("pump_a", Map.of(), null, null, null, null);

        assertThat(titles(filter, List.of(), 0, 10)).containsExactly("储罐区 Pump_A");
        assertThat(listing.count(inspections.tenantId, layout(ZH), filter)).isEqualTo(1);
    }

    @Test
    void textFilterTreatsWildcardsAsText() {
        RecordFilter filter = new RecordFilter("%", Map.of(), null, null, null, null);

        assertThat(titles(filter, List.of(), 0, 10)).isEmpty();
    }

    @Test
    void enumFilterMatchesCode() {
        RecordFilter filter = new RecordFilter("", Map.of("status", "closed"), null, null, null, null);

        assertThat(titles(filter, List.of(), 0, 10)).containsExactly("储罐区 Pump_A", "配电室巡检");
    }

    @Test
    void dateRangeIncludesBothEnds() {
        RecordFilter filter = new RecordFilter("", Map.of(), "inspected_on", LocalDate.parse("2026-03-05"),
                LocalDate.parse("2026-03-10"), null);

        assertThat(titles(filter, List.of(), 0, 10)).containsExactly("储罐区 Pump_A", "配电室巡检");
    }

    @Test
    void creationTimeRangeUsesTenantDays() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        RecordFilter todayOnly = new RecordFilter("", Map.of(), "updated_at", today, today, null);
        RecordFilter tomorrow = new RecordFilter("", Map.of(), "updated_at", today.plusDays(1), null, null);

        assertThat(listing.count(inspections.tenantId, layout(ZH), todayOnly)).isEqualTo(4);
        assertThat(listing.count(inspections.tenantId, layout(ZH), tomorrow)).isZero();
    }

    @Test
    void sortByColumnBothWays() {
        assertThat(titles(RecordFilter.NONE, List.of(new RecordSort("inspected_on", false)), 0, 10))
                .containsExactly("储罐区动火点", "配电室巡检", "储罐区 Pump_A", "仓库消防通道");
        assertThat(titles(RecordFilter.NONE, List.of(new RecordSort("inspected_on", true)), 0, 10))
                .containsExactly("仓库消防通道", "储罐区 Pump_A", "配电室巡检", "储罐区动火点");
    }

    @Test
    void pagesFollowOffsetAndLimit() {
        List<RecordSort> byDate = List.of(new RecordSort("inspected_on", false));

        assertThat(titles(RecordFilter.NONE, byDate, 0, 2)).containsExactly("储罐区动火点", "配电室巡检");
        assertThat(titles(RecordFilter.NONE, byDate, 2, 2)).containsExactly("储罐区 Pump_A", "仓库消防通道");
        assertThat(titles(RecordFilter.NONE, byDate, 4, 2)).isEmpty();
    }

    @Test
    void softDeletedRowsAreHidden() {
        long deleted = inspections.create("已作废检查", "open", "2026-05-01").id();
        records.delete(inspections.tenantId, InspectionRecords.ENTITY, deleted, null, "admin");

        assertThat(listing.count(inspections.tenantId, layout(ZH), RecordFilter.NONE)).isEqualTo(4);
        assertThat(titles(RecordFilter.NONE, List.of(), 0, 10)).doesNotContain("已作废检查");
    }

    @Test
    void otherTenantsRecordsStayOut() {
        InspectionRecords other = InspectionRecords.inNewTenant(tenants, metadata, records, json);
        other.create("外企业检查", "open", "2026-03-02");

        assertThat(listing.count(other.tenantId, listing.layout(other.tenantId, InspectionRecords.ENTITY, ZH),
                RecordFilter.NONE)).isEqualTo(1);
        assertThat(titles(RecordFilter.NONE, List.of(), 0, 10)).doesNotContain("外企业检查").hasSize(4);
    }

    @Test
    void listViewSetsColumnsSortAndPageSize() {
        inspections.publishQuery("inspection-list", """
                {"type": "list", "title": {"zh": "检查清单"}, "entity": "inspection",
                 "columns": ["id", "title", "status"], "sort": [{"column": "title", "direction": "asc"}],
                 "pageSize": 2, "columnLabels": {"title": {"zh": "项目"}}}""");

        RecordListLayout layout = layout(ZH);

        assertThat(layout.columns()).extracting(ListColumn::label).containsExactly("编号", "项目", "状态");
        assertThat(layout.pageSize()).isEqualTo(2);
        assertThat(listing.fetch(inspections.tenantId, layout, RecordFilter.NONE, List.of(), 0, 10))
                .extracting(row -> row.value("title"))
                .containsExactly("仓库消防通道", "储罐区 Pump_A", "储罐区动火点", "配电室巡检");
    }

    @Test
    void savedFilterAppliesItsCondition() {
        inspections.publishQuery("open-inspections", """
                {"type": "filter", "title": {"zh": "待整改"}, "entity": "inspection",
                 "where": "status = 'open'"}""");
        RecordListLayout layout = layout(ZH);

        assertThat(layout.savedFilters()).hasSize(1);
        RecordFilter filter = new RecordFilter("", Map.of(), null, null, null, layout.savedFilters().getFirst());
        assertThat(titles(filter, List.of(), 0, 10)).containsExactly("仓库消防通道", "储罐区动火点");
    }

    @Test
    void savedFilterSortsByUnlistedColumn() {
        inspections.publishQuery("by-date", """
                {"type": "filter", "title": {"zh": "按日期"}, "entity": "inspection",
                 "where": "status <> 'none'", "sort": [{"column": "inspected_on", "direction": "asc"}]}""");
        inspections.publishQuery("inspection-list", """
                {"type": "list", "title": {"zh": "检查清单"}, "entity": "inspection", "columns": ["title"]}""");
        RecordListLayout layout = layout(ZH);
        RecordFilter filter = new RecordFilter("", Map.of(), null, null, null, layout.savedFilters().getFirst());

        List<Object> titles = listing.fetch(inspections.tenantId, layout, filter, List.of(), 0, 10).stream()
                .map(row -> row.value("title")).toList();

        assertThat(titles).containsExactly("储罐区动火点", "配电室巡检", "储罐区 Pump_A", "仓库消防通道");
    }

    @Test
    void sortByUnlistedColumnIsRejected() {
        RecordListLayout layout = layout(ZH);
        List<RecordSort> byFormKey = List.of(new RecordSort("form_key", false));

        assertThatThrownBy(() -> listing.fetch(inspections.tenantId, layout, RecordFilter.NONE, byFormKey, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column form_key is not listed for inspection");
    }

    @Test
    void enumCellShowsDictionaryLabel() {
        RecordListLayout layout = layout(ZH);
        CellText cells = new CellText(layout, ZH, "是", "否");

        assertThat(cells.text(layout.column("status").orElseThrow(), "closed")).isEqualTo("已关闭");
        assertThat(cells.text(layout.column("inspected_on").orElseThrow(), LocalDate.parse("2026-03-05")))
                .contains("2026");
    }

    private RecordListLayout layout(Locale locale) {
        return listing.layout(inspections.tenantId, InspectionRecords.ENTITY, locale);
    }

    private List<Object> titles(RecordFilter filter, List<RecordSort> sort, long offset, int limit) {
        return listing.fetch(inspections.tenantId, layout(ZH), filter, sort, offset, limit).stream()
                .map(row -> row.value("title")).toList();
    }
}
