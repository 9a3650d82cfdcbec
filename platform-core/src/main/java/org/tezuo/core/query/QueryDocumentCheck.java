package org.tezuo.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.DocumentCheck;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/**
 * Checks a {@code query} document against the tenant's catalogue at save and publish: the entity is published as
 * records, every column and sort column exists, the declared parameters match the ones the SQL uses, and the
 * statement validates. A query that would fail at run time is therefore never stored.
 */
@Component
class QueryDocumentCheck implements DocumentCheck {

    private final QueryEngine engine;

    QueryDocumentCheck(QueryEngine engine) {
        this.engine = engine;
    }

    @Override
    public boolean appliesTo(MetadataDocument candidate) {
        return candidate.kind() == MetadataKind.QUERY;
    }

    @Override
    public List<MetaSchemaViolation> check(MetadataDocument candidate, Locale locale) {
        SavedQuery query = SavedQuery.parse(candidate.key(), candidate.body());
        long tenantId = candidate.tenantId();
        List<MetaSchemaViolation> violations = new ArrayList<>();

        if (query.entity().isPresent()) {
            Map<String, List<String>> tables = engine.tables(tenantId);
            String entity = query.entity().get();
            List<String> columns = tables.get(entity);
            if (columns == null) {
                return List.of(new MetaSchemaViolation("$.entity", UserMessages.render(locale,
                        "query.document.unknownEntity", entity, String.join(", ", tables.keySet()))));
            }
            for (int i = 0; i < query.columns().size(); i++) {
                checkColumn(entity, columns, query.columns().get(i), "$.columns[" + i + "]", locale, violations);
            }
            for (int i = 0; i < query.sort().size(); i++) {
                checkColumn(entity, columns, query.sort().get(i).column(), "$.sort[" + i + "].column", locale,
                        violations);
            }
        }

        List<String> used = engine.parameterNames(query.sql());
        List<String> declared = query.parameters().stream().map(SavedQuery.Parameter::name).toList();
        used.stream().filter(name -> !declared.contains(name)).forEach(name -> violations.add(new MetaSchemaViolation(
                "$.parameters", UserMessages.render(locale, "query.document.parameterUndeclared", name))));
        declared.stream().filter(name -> !used.contains(name)).forEach(name -> violations.add(new MetaSchemaViolation(
                "$.parameters", UserMessages.render(locale, "query.document.parameterUnused", name))));

        if (violations.isEmpty()) {
            try {
                engine.validate(tenantId, query.sql());
            } catch (QueryException e) {
                // NOTE: for a filter the line and column refer to the generated statement, not to the where text.
                String path = query.reportSql().isPresent() ? "$.sql" : "$.where";
                violations.add(new MetaSchemaViolation(path, e.message(locale)));
            }
        }
        return violations;
    }

    private static void checkColumn(String entity, List<String> columns, String column, String path, Locale locale,
            List<MetaSchemaViolation> violations) {
        if (!columns.contains(column)) {
            violations.add(new MetaSchemaViolation(path, UserMessages.render(locale, "query.document.unknownColumn",
                    entity, column, String.join(", ", columns))));
        }
    }
}
