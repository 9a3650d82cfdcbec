/**
 * SQL over a tenant's published record entities and its rows of the platform's qualification tables on Apache
 * Calcite: the tenant's catalogue, planning with filters, projections, aggregates and sorts pushed down to the
 * database, a plan cache, and saved queries.
 */
@NullMarked
package org.tezuo.core.query;

import org.jspecify.annotations.NullMarked;
