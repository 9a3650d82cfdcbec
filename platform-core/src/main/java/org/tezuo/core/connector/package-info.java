/**
 * Connectors: how the platform reaches external systems (certificate registry, door access), configured per
 * tenant by published connector documents.
 */
@NullMarked
package org.tezuo.core.connector;

import org.jspecify.annotations.NullMarked;
