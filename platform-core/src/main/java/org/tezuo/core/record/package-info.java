/**
 * Records of published entities that store records: create, read, update with optimistic locking, soft delete
 * and filtered lists, always in the tenant's own schema.
 */
@NullMarked
package org.tezuo.core.record;

import org.jspecify.annotations.NullMarked;
