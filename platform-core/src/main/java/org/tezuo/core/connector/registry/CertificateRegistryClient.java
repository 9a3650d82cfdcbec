package org.tezuo.core.connector.registry;

import java.util.Optional;

/**
 * Looks certificates up in the national certificate registry. The registry publishes no API, so deployments plug
 * in their own implementation through {@link CertificateRegistryClientFactory}; {@link HttpCertificateRegistryClient}
 * speaks the JSON shape that {@link RegistryStubServer} serves.
 */
public interface CertificateRegistryClient {

    /**
     * Returns the registry's record for the query, or empty when the registry responded that it has no such
     * certificate.
     *
     * @throws RegistryUnavailableException when the registry returned no usable response (error status, time-out,
     *     unreadable body); the caller must not draw any conclusion about the certificate from it
     */
    Optional<RegistryCertificateRecord> find(RegistryQuery query);
}
