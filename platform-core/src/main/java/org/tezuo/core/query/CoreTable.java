package org.tezuo.core.query;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * A read-only view of one platform table, such as {@code person}, for one tenant. It expands into a scan of the
 * shared JDBC table under the filter {@code tenant_id = <tenant>} and a projection to the exposed columns, so the
 * tenant filter is part of every plan that names the table, whatever the query text says. The {@code tenant_id}
 * column itself is not exposed. Column names are matched without regard to case, because H2 stores the names of
 * the Liquibase tables in upper case; queries see them in lower case.
 */
final class CoreTable extends AbstractTable implements TranslatableTable {

    /** The column that carries the tenant in every platform table. */
    static final String TENANT_COLUMN = "tenant_id";

    private final JdbcTable physical;
    private final long tenantId;
    private final List<String> columns;
    private final List<String> physicalPath;

    /**
     * @param physical the shared JDBC table
     * @param tenantId the only tenant whose rows the table returns
     * @param columns the columns to expose in lower case, each present in {@code physical}
     * @param physicalPath the path of {@code physical} under the execution root schema
     */
    CoreTable(JdbcTable physical, long tenantId, List<String> columns, List<String> physicalPath) {
        this.physical = physical;
        this.tenantId = tenantId;
        this.columns = List.copyOf(columns);
        this.physicalPath = List.copyOf(physicalPath);
    }

    List<String> columns() {
        return columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataType physicalType = physical.getRowType(typeFactory);
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        columns.forEach(column -> builder.add(column, physicalField(physicalType, column).getType()));
        return builder.build();
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        RelDataType physicalType = physical.getRowType(context.getCluster().getTypeFactory());
        RelOptTable physicalTable = RelOptTableImpl.create(relOptTable.getRelOptSchema(), physicalType, physical,
                ImmutableList.copyOf(physicalPath));
        RelNode scan = physical.toRel(context, physicalTable);

        RelBuilder builder = RelBuilder.proto(context.getCluster().getPlanner().getContext())
                .create(context.getCluster(), relOptTable.getRelOptSchema());
        builder.push(scan);
        builder.filter(builder.equals(builder.field(physicalField(physicalType, TENANT_COLUMN).getIndex()),
                builder.literal(tenantId)));
        return builder
                .project(columns.stream().map(column -> builder.field(physicalField(physicalType, column).getIndex()))
                        .toList(), columns, true)
                .build();
    }

    /** Returns the physical field of a column, whatever the case of its name in the database. */
    static RelDataTypeField physicalField(RelDataType physicalType, String column) {
        RelDataTypeField field = physicalType.getField(column, false, false);
        if (field == null) {
            throw new IllegalStateException("Column " + column + " is missing from " + physicalType.getFieldNames());
        }
        return field;
    }
}
