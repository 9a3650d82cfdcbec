package org.tezuo.core.connector.dooraccess;

import org.tezuo.core.connector.ConnectorDefinition;

/**
 * Creates the door-access client for a tenant's {@code door-access} connector. A host application replaces the
 * default (HTTP) by declaring a bean of this type.
 */
@FunctionalInterface
public interface DoorAccessClientFactory {

    DoorAccessClient create(ConnectorDefinition definition);
}
