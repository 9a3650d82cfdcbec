package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.ParameterStyle;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.Role;
import org.tezuo.core.query.QueryEngine;
import org.tezuo.core.query.QueryException;
import org.tezuo.core.query.QueryResult;
import org.tezuo.core.query.SavedQueries;
import org.tezuo.core.query.SavedQuery;

/**
 * SQL over the tenant's published record entities: ad hoc SELECT statements for administrators and the safety
 * department, and published {@code query} documents run with parameters a page at a time. Errors name the
 * position in the SQL.
 */
@RestController
@RequestMapping("/api/query")
@Tag(name = "query", description = "查询：对本企业已发布实体的 SQL 查询、列表视图、保存的筛选和报表")
class QueryApi {

    private final ApiCaller caller;
    private final QueryEngine engine;
    private final SavedQueries savedQueries;

    QueryApi(ApiCaller caller, QueryEngine engine, SavedQueries savedQueries) {
        this.caller = caller;
        this.engine = engine;
        this.savedQueries = savedQueries;
    }

    /**
     * An ad hoc query.
     *
     * @param sql one SELECT statement; parameters are written {@code :name}
     * @param parameters value of each named parameter
     */
    record AdHocRequest(String sql, Map<String, Object> parameters) {
    }

    /**
     * A query result.
     *
     * @param columns name, SQL type and label of each column
     * @param rows values in column order
     * @param databaseSql the statements sent to the database, with {@code ?} for bound parameters
     * @param truncated whether more rows exist than were returned
     * @param page the page returned, 1-based
     */
    record ResultView(String title, List<ColumnView> columns, List<List<Object>> rows, List<String> databaseSql,
            boolean truncated, boolean planCached, int page) {
    }

    /** One result column. */
    record ColumnView(String name, String type, String label) {
    }

    @PostMapping
    @Operation(summary = "执行一条查询语句（仅 SELECT；返回列、行和发送到数据库的 SQL）")
    ResultView adHoc(@RequestBody AdHocRequest request) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER);
        Map<String, Object> parameters = request.parameters() == null ? Map.of() : request.parameters();
        QueryResult result = engine.runAdHoc(tenantId, request.sql() == null ? "" : request.sql(), parameters);
        return view("", result, column -> column, 1);
    }

    @GetMapping("/{key}")
    @Operation(summary = "执行已发布的查询（列表视图、保存的筛选或报表）；其余查询参数作为 SQL 参数")
    ResultView saved(@PathVariable String key, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "0") int pageSize,
            @Parameter(description = "每个 SQL 参数各写一个查询参数，如 ?until=2026-12-31；不要把参数放进名为 parameters 的 JSON",
                    in = ParameterIn.QUERY, schema = @Schema(type = "object"), style = ParameterStyle.FORM,
                    explode = Explode.TRUE)
            @RequestParam Map<String, String> parameters) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER);
        Map<String, Object> values = new LinkedHashMap<>(parameters);
        values.remove("page");
        values.remove("pageSize");
        Locale locale = ApiCaller.locale();
        SavedQuery query = savedQueries.require(tenantId, key);
        QueryResult result = savedQueries.run(tenantId, key, values, page, pageSize);
        return view(query.title(locale), result, column -> query.columnLabel(column, locale), Math.max(page, 1));
    }

    @ExceptionHandler(QueryException.class)
    ResponseEntity<ApiError> rejected(QueryException e) {
        Locale locale = ApiCaller.locale();
        List<ApiError.Detail> position = e.line() == 0 ? List.of()
                : List.of(new ApiError.Detail("sql:" + e.line() + ":" + e.column(), e.message(locale)));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new ApiError(e.messageKey(), e.message(locale), position));
    }

    private static ResultView view(String title, QueryResult result,
            UnaryOperator<String> labels, int page) {
        List<ColumnView> columns = result.columns().stream()
                .map(column -> new ColumnView(column.name(), column.type(), labels.apply(column.name())))
                .toList();
        return new ResultView(title, columns, result.rows(), result.databaseSql(), result.truncated(),
                result.planCached(), page);
    }
}
