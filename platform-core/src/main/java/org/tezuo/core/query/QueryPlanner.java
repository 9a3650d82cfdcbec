package org.tezuo.core.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.DelegatingTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses, validates, optimises and compiles one SELECT statement against a {@link TenantCatalogue}. Identifiers
 * follow PostgreSQL: unquoted names fold to lower case, quoted names keep their case, and matching is case
 * sensitive. The Volcano planner registers the JDBC rules when it meets the entity tables, so filters,
 * projections, aggregates, sorts and limits become part of the SQL sent to the database.
 */
final class QueryPlanner {

    private static final Logger log = LoggerFactory.getLogger(QueryPlanner.class);

    /** Accepts what PostgreSQL users write, such as {@code !=} and GROUP BY an alias or ordinal. */
    private static final SqlConformanceEnum CONFORMANCE = SqlConformanceEnum.LENIENT;

    /**
     * Gives CASE and UNION branches of different lengths a VARCHAR type, as PostgreSQL does, so 'short' is not
     * padded to the length of 'long ones'.
     */
    private static final RelDataTypeSystem TYPE_SYSTEM = new DelegatingTypeSystem(RelDataTypeSystem.DEFAULT) {
        @Override
        public boolean shouldConvertRaggedUnionTypesToVarying() {
            return true;
        }
    };

    private static final SqlParser.Config PARSER = SqlParser.config()
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(CONFORMANCE);

    private static final CalciteConnectionConfig CONNECTION_CONFIG = connectionConfig();

    /** First words of statements that change data or schema; reported as "only SELECT" even when unparsable. */
    private static final Set<String> NON_QUERY_KEYWORDS = Set.of("insert", "update", "delete", "merge", "upsert",
            "create", "drop", "alter", "truncate", "grant", "revoke", "copy", "call", "set", "reset", "do",
            "vacuum", "analyze", "lock", "comment", "refresh", "explain", "begin", "commit", "rollback");

    /**
     * Rewrites that move filters and projections next to the table scans and merge them, so the JDBC rules can
     * turn the whole tree into one statement. They run once, in a Hep planner, because Calcite's default rule set
     * in the Volcano planner took about five times as long to optimise a one-table list query (see
     * docs/benchmarks.md). The default rule set is used only for statements the lean program cannot plan.
     */
    private static final List<RelOptRule> LOGICAL_RULES = List.of(CoreRules.FILTER_PROJECT_TRANSPOSE,
            CoreRules.FILTER_MERGE, CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE,
            CoreRules.AGGREGATE_PROJECT_MERGE, CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH,
            CoreRules.FILTER_AGGREGATE_TRANSPOSE, CoreRules.SORT_PROJECT_TRANSPOSE, CoreRules.SORT_REMOVE);

    /**
     * The lean program: sub-query removal, decorrelation, trimming of unused fields and the logical rewrites come
     * first. Then a cost-based planner chooses for each operator between the database and Java. The JDBC rules,
     * registered when the planner meets a JDBC table scan, run it in the database, and the enumerable rules run
     * what the dialect cannot express.
     */
    private static final Program LEAN_PROGRAM = Programs.sequence(
            Programs.subQuery(DefaultRelMetadataProvider.INSTANCE),
            Programs.decorrelate(),
            Programs.trim(),
            Programs.hep(LOGICAL_RULES, true, DefaultRelMetadataProvider.INSTANCE),
            Programs.ofRules(physicalRules()));

    private static final Pattern OBJECT_NOT_FOUND =
            Pattern.compile("^(?:Object|Table) '([^']+)' not found(?: within '([^']+)')?");
    private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("^Column '([^']+)' not found in");

    /**
     * Plans {@code sql}, whose parameters are {@code ?} markers.
     *
     * @param offset rows to skip, 0 for none
     * @param fetch maximum rows the database returns, or null to keep the statement's own limit
     * @throws QueryException when the statement is not a valid query over the catalogue
     */
    QueryPlan plan(TenantCatalogue catalogue, String sql, long offset, @Nullable Long fetch) {
        SqlNode parsed = limit(parse(sql, catalogue), offset, fetch);

        Validation validation = Validation.of(catalogue);
        SqlValidator validator = validation.validator();
        SqlNode validated = validate(validator, parsed, sql, catalogue);
        List<SqlTypeName> parameterTypes = validator.getParameterRowType(validated).getFieldList().stream()
                .map(field -> field.getType().getSqlTypeName()).toList();

        RelNode physical;
        try {
            physical = optimise(validation, validated, false);
        } catch (RuntimeException e) {
            // CannotPlanException, or a rule that fails on a shape the lean program does not expect.
            log.debug("Lean program cannot plan the query of tenant {}; planning with Calcite's default rules",
                    catalogue.tenantId(), e);
            physical = optimise(validation, validated, true);
        }

        List<String> databaseSql = new ArrayList<>();
        Map<String, Object> internalParameters = new LinkedHashMap<>();
        Bindable<?> bindable;
        try (Hook.Closeable ignored = Hook.QUERY_PLAN.addThread((Consumer<Object>) text -> databaseSql.add(
                String.valueOf(text)))) {
            bindable = EnumerableInterpretable.toBindable(internalParameters, null, (EnumerableRel) physical,
                    EnumerableRel.Prefer.ARRAY);
        }
        List<QueryColumn> columns = validator.getValidatedNodeType(validated).getFieldList().stream()
                .map(QueryPlanner::column).toList();
        log.debug("Planned query for tenant {} (catalogue {}): {}", catalogue.tenantId(), catalogue.version(),
                databaseSql);
        return new QueryPlan(catalogue, bindable, internalParameters, columns, parameterTypes, databaseSql);
    }

    /**
     * Converts the validated statement to relational algebra and optimises it to an enumerable plan, with the lean
     * program or with Calcite's default rule set, which also rewrites distinct aggregates, window functions and
     * other shapes the lean program leaves to it.
     */
    private static RelNode optimise(Validation validation, SqlNode validated, boolean defaultRules) {
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        planner.setExecutor(RexUtil.EXECUTOR);
        if (defaultRules) {
            RelOptUtil.registerDefaultRules(planner, false, false);
        }
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(validation.typeFactory()));
        SqlToRelConverter converter = new SqlToRelConverter(null, validation.validator(),
                validation.catalogReader(), cluster, StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(true));
        RelNode logical = converter.convertQuery(validated, false, true).project();
        Program program = defaultRules ? Programs.standard() : LEAN_PROGRAM;
        return program.run(planner, logical, logical.getTraitSet().replace(EnumerableConvention.INSTANCE),
                List.of(), List.of());
    }

    /**
     * Checks that {@code sql} parses, is a query, and names only what the catalogue contains, without optimising
     * or compiling it.
     */
    void validate(TenantCatalogue catalogue, String sql) {
        validate(Validation.of(catalogue).validator(), parse(sql, catalogue), sql, catalogue);
    }

    /** A validator over the catalogue's query root, with the reader and type factory it uses. */
    private record Validation(JavaTypeFactoryImpl typeFactory, CalciteCatalogReader catalogReader,
            SqlValidator validator) {

        static Validation of(TenantCatalogue catalogue) {
            JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(TYPE_SYSTEM);
            CalciteCatalogReader catalogReader = new CalciteCatalogReader(
                    CalciteSchema.from(catalogue.queryRoot()), List.of(), typeFactory, CONNECTION_CONFIG);
            SqlValidator validator = SqlValidatorUtil.newValidator(
                    SqlOperatorTables.chain(SqlStdOperatorTable.instance(), catalogReader), catalogReader,
                    typeFactory, SqlValidator.Config.DEFAULT.withIdentifierExpansion(true)
                            .withConformance(CONFORMANCE));
            return new Validation(typeFactory, catalogReader, validator);
        }
    }

    private static final Pattern ENCOUNTERED_TOKEN = Pattern.compile("Encountered \"(.*?)\" at line");

    private static SqlNode parse(String sql, TenantCatalogue catalogue) {
        if (sql.isBlank()) {
            throw new QueryException("query.empty");
        }
        SqlNode parsed;
        try {
            parsed = SqlParser.create(sql, PARSER).parseStmt();
        } catch (SqlParseException e) {
            String firstWord = firstWord(sql);
            if (NON_QUERY_KEYWORDS.contains(firstWord)) {
                throw new QueryException("query.onlySelect", firstWord.toUpperCase(Locale.ROOT));
            }
            SqlParserPos pos = e.getPos();
            int line = pos == null ? 0 : pos.getLineNum();
            int column = pos == null ? 0 : pos.getColumnNum();
            // The parser's own message is English and names grammar productions, so only the token is shown.
            Matcher token = ENCOUNTERED_TOKEN.matcher(String.valueOf(e.getMessage()));
            if (token.find()) {
                throw new QueryException(line, column, "query.syntaxNear", line, column, token.group(1));
            }
            throw new QueryException(line, column, "query.syntax", line, column);
        }
        if (!parsed.getKind().belongsTo(SqlKind.QUERY)) {
            throw new QueryException("query.onlySelect", firstWord(sql).toUpperCase(Locale.ROOT));
        }
        return parsed;
    }

    private static SqlNode limit(SqlNode query, long offset, @Nullable Long fetch) {
        if (fetch == null && offset == 0) {
            return query;
        }
        SqlNode offsetNode = offset == 0 ? null
                : SqlLiteral.createExactNumeric(Long.toString(offset), SqlParserPos.ZERO);
        SqlNode fetchNode = fetch == null ? null
                : SqlLiteral.createExactNumeric(Long.toString(fetch), SqlParserPos.ZERO);
        if (query instanceof SqlOrderBy orderBy && orderBy.offset == null && orderBy.fetch == null) {
            return new SqlOrderBy(orderBy.getParserPosition(), orderBy.query, orderBy.orderList, offsetNode,
                    fetchNode);
        }
        if (query instanceof SqlOrderBy) {
            // The statement has its own OFFSET or FETCH: keep them and page over its result.
            return new SqlOrderBy(SqlParserPos.ZERO, wrapAsSubquery(query), SqlNodeList.EMPTY, offsetNode,
                    fetchNode);
        }
        return new SqlOrderBy(SqlParserPos.ZERO, query, SqlNodeList.EMPTY, offsetNode, fetchNode);
    }

    private static SqlNode wrapAsSubquery(SqlNode query) {
        return new SqlSelect(SqlParserPos.ZERO, null,
                SqlNodeList.of(SqlIdentifier.STAR),
                SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, query,
                        new SqlIdentifier("paged", SqlParserPos.ZERO)),
                null, null, null, null, null, null, null, null, null);
    }

    private static SqlNode validate(SqlValidator validator, SqlNode parsed, String sql, TenantCatalogue catalogue) {
        try {
            return validator.validate(parsed);
        } catch (CalciteContextException e) {
            throw translate(e, sql, catalogue);
        }
    }

    private static QueryException translate(CalciteContextException e, String sql, TenantCatalogue catalogue) {
        int line = e.getPosLine();
        int column = e.getPosColumn();
        String reason = e.getCause() == null ? String.valueOf(e.getMessage()) : String.valueOf(
                e.getCause().getMessage());
        Matcher object = OBJECT_NOT_FOUND.matcher(reason);
        if (object.find()) {
            String name = object.group(2) == null ? object.group(1) : object.group(2) + "." + object.group(1);
            if (CoreTables.QUERY_SCHEMA.equals(object.group(2))) {
                return new QueryException(line, column, "query.unknownCoreTable", line, column, name,
                        listOrNone(catalogue.coreTableNames()));
            }
            return new QueryException(line, column, "query.unknownTable", line, column, name,
                    listOrNone(catalogue.tableNames()));
        }
        Matcher columnMatch = COLUMN_NOT_FOUND.matcher(reason);
        if (columnMatch.find()) {
            return new QueryException(line, column, "query.unknownColumn", line, column, columnMatch.group(1),
                    columnsOfNamedTables(sql, catalogue));
        }
        return new QueryException(line, column, "query.invalid", line, column, firstLine(reason));
    }

    /** Lists the columns of every catalogue table whose name occurs in {@code sql}, or of all tables if none does. */
    private static String columnsOfNamedTables(String sql, TenantCatalogue catalogue) {
        String lower = sql.toLowerCase(Locale.ROOT);
        Map<String, List<String>> all = new LinkedHashMap<>(catalogue.tables());
        all.putAll(catalogue.coreTables());
        List<String> named = all.keySet().stream().sorted()
                .filter(table -> Pattern.compile("\\b" + Pattern.quote(table) + "\\b").matcher(lower).find())
                .toList();
        List<String> tables = named.isEmpty() ? catalogue.tableNames() : named;
        if (tables.isEmpty()) {
            return "-";
        }
        return String.join("; ", tables.stream()
                .map(table -> table + "(" + String.join(", ", all.get(table)) + ")").toList());
    }

    private static String listOrNone(List<String> names) {
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    private static String firstWord(String sql) {
        String stripped = sql.strip();
        int end = 0;
        while (end < stripped.length() && Character.isLetter(stripped.charAt(end))) {
            end++;
        }
        return stripped.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static QueryColumn column(RelDataTypeField field) {
        return new QueryColumn(field.getName(), field.getType().getSqlTypeName().getName());
    }

    private static List<RelOptRule> physicalRules() {
        List<RelOptRule> rules = new ArrayList<>(EnumerableRules.ENUMERABLE_RULES);
        rules.add(CoreRules.PROJECT_REMOVE);
        return rules;
    }

    private static CalciteConnectionConfig connectionConfig() {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        properties.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), Casing.TO_LOWER.name());
        properties.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), Casing.UNCHANGED.name());
        return new CalciteConnectionConfigImpl(properties);
    }
}
