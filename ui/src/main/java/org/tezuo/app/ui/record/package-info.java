/**
 * The Vaadin pages for records of the tenant's published record entities. They are the entity list, a lazily
 * paged and filtered list per entity that runs through the query layer, and the record page. The record page
 * shows a record with the form version it was created under and lets writers edit or delete it.
 */
@NullMarked
package org.tezuo.app.ui.record;

import org.jspecify.annotations.NullMarked;
