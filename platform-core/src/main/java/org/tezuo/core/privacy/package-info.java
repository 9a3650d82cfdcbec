/** Masking of personal data, such as resident ID numbers, in text that leaves the ledger. */
@NullMarked
package org.tezuo.core.privacy;

import org.jspecify.annotations.NullMarked;
