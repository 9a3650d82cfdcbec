package org.tezuo.core.connector.registry;

import org.tezuo.core.connector.ConnectorDefinition;

/**
 * Creates the registry client for a tenant's {@code certificate-registry} connector. A host application replaces
 * the default (HTTP) by declaring a bean of this type.
 */
@FunctionalInterface
public interface CertificateRegistryClientFactory {

    CertificateRegistryClient create(ConnectorDefinition definition);
}
