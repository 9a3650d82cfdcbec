/**
 * Policy packs: signed sets of metadata documents (rulesets, forms, flows) that implement one regulation, verified
 * against the installation's trusted keys, previewed per tenant, applied or scheduled in one transaction, rolled
 * back in one call, and announced to every app node on the database.
 */
@NullMarked
package org.tezuo.core.pack;

import org.jspecify.annotations.NullMarked;
