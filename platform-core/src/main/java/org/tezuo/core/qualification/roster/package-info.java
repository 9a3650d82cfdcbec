/**
 * Import of certified-worker ledgers (持证台账) from xlsx and csv files: header detection by metadata synonyms,
 * normalisation of dates, ID numbers and operation categories, per-row errors, and the import batch record.
 */
@NullMarked
package org.tezuo.core.qualification.roster;

import org.jspecify.annotations.NullMarked;
