/**
 * Clients of the national special-operation certificate registry. The registry publishes no API, so the client is
 * an interface with one JSON-over-HTTP implementation and a loopback stub server for demos and tests.
 */
@NullMarked
package org.tezuo.core.connector.registry;

import org.jspecify.annotations.NullMarked;
