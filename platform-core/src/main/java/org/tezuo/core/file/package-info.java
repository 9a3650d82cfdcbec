/**
 * Uploaded files (photos, signatures, documents): streamed to disk under the data directory, one
 * {@code stored_file} row each, read back only by the tenant that stored them.
 */
@NullMarked
package org.tezuo.core.file;

import org.jspecify.annotations.NullMarked;
