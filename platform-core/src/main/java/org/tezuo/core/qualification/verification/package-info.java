/**
 * Registry verification of certificates: compares the ledger with the national registry, adopts reviews the
 * registry has recorded, re-computes certificate states and keeps a report of every run.
 */
@NullMarked
package org.tezuo.core.qualification.verification;

import org.jspecify.annotations.NullMarked;
