/**
 * Records of the tenant's published record entities in Vaadin: the entity list, a lazily paged and filtered
 * list per entity that runs through the query layer, and the record page that shows a record with the form
 * version it was created under and lets writers edit or delete it.
 */
@NullMarked
package org.tezuo.app.ui.record;

import org.jspecify.annotations.NullMarked;
