/**
 * Metadata bundles: the newest published documents of a tenant written to one JSON file or zip, and read back
 * into another tenant with a preview of every document's change and an all-or-nothing apply.
 */
@NullMarked
package org.tezuo.core.metadata.bundle;

import org.jspecify.annotations.NullMarked;
