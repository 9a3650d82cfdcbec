package org.tezuo.core.query;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.tools.RelBuilder;
import org.tezuo.core.entity.EntityNaming;

/**
 * The table a query names for an entity: the physical record table without soft-deleted rows and with only the
 * system columns and the columns of the fields in the published document. It expands into a scan of the JDBC
 * table under a filter and a projection, which the JDBC rules push down together with the query around them, so
 * the database receives one statement.
 */
final class EntityTable extends AbstractTable implements TranslatableTable {

    private final JdbcTable physical;
    private final List<String> columns;
    private final List<String> physicalPath;

    /**
     * @param physical the JDBC table of the tenant schema
     * @param columns the columns to expose, each present in {@code physical}
     * @param physicalPath the path of {@code physical} under the execution root schema
     */
    EntityTable(JdbcTable physical, List<String> columns, List<String> physicalPath) {
        this.physical = physical;
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
        columns.forEach(column -> builder.add(physicalType.getField(column, true, false)));
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
        return builder.push(scan)
                .filter(builder.isNull(builder.field(EntityNaming.DELETED_AT)))
                .project(columns.stream().map(builder::field).toList(), columns, true)
                .build();
    }
}
