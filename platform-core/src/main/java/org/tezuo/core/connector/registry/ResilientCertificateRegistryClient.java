package org.tezuo.core.connector.registry;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tezuo.core.connector.ConnectorDefinition;

/**
 * Adds retries and a circuit breaker (Resilience4j) to another registry client, configured from the connector's
 * {@link ConnectorDefinition.Resilience}. A transient failure (time-out, connection error, 5xx) is retried with
 * {@link FullJitterBackoff}; a 4xx status or an unreadable body is not. After {@code circuitFailureThreshold}
 * consecutive failed lookups the circuit opens: lookups then fail at once with {@code registry.circuitOpen} without
 * calling the registry, until {@code circuitOpenDuration} has passed and one probe lookup is let through. Time-outs
 * and the request rate stay with the wrapped client. Thread-safe; one instance keeps its circuit state for its life.
 */
public final class ResilientCertificateRegistryClient implements CertificateRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(ResilientCertificateRegistryClient.class);

    private final CertificateRegistryClient delegate;
    private final String connectorKey;
    private final ConnectorDefinition.Resilience settings;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    /**
     * Wraps {@code delegate}.
     *
     * @param clock measures how long the circuit has been open
     */
    public ResilientCertificateRegistryClient(CertificateRegistryClient delegate, ConnectorDefinition definition,
            Clock clock) {
        this(delegate, definition, clock, new FullJitterBackoff(definition.resilience().retryInitialDelay(),
                definition.resilience().retryMaxDelay()));
    }

    ResilientCertificateRegistryClient(CertificateRegistryClient delegate, ConnectorDefinition definition,
            Clock clock, FullJitterBackoff backoff) {
        this.delegate = delegate;
        this.connectorKey = definition.key();
        this.settings = definition.resilience();
        this.retry = Retry.of(connectorKey, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(backoff)
                .retryOnException(ResilientCertificateRegistryClient::isTransient)
                .build());
        this.circuitBreaker = CircuitBreaker.of(connectorKey, CircuitBreakerConfig.custom()
                .slidingWindow(settings.circuitFailureThreshold(), settings.circuitFailureThreshold(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .recordException(RegistryUnavailableException.class::isInstance)
                .waitDurationInOpenState(settings.circuitOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
        logEvents();
    }

    @Override
    public Optional<RegistryCertificateRecord> find(RegistryQuery query) {
        Supplier<Optional<RegistryCertificateRecord>> lookup = Retry.decorateSupplier(retry,
                () -> delegate.find(query));
        try {
            return circuitBreaker.executeSupplier(lookup);
        } catch (CallNotPermittedException e) {
            throw new RegistryUnavailableException(e, "registry.circuitOpen", connectorKey,
                    settings.circuitFailureThreshold(), settings.circuitOpenDuration().toSeconds());
        }
    }

    /** Returns the circuit's state: CLOSED, OPEN or HALF_OPEN. */
    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    private static boolean isTransient(Throwable error) {
        return error instanceof RegistryUnavailableException unavailable && unavailable.isTransient();
    }

    private void logEvents() {
        retry.getEventPublisher().onRetry(event -> log.info(
                "Registry connector '{}' lookup attempt {} failed ({}); retrying in {} ms", connectorKey,
                event.getNumberOfRetryAttempts(), messageKeyOf(event.getLastThrowable()),
                event.getWaitInterval().toMillis()));
        circuitBreaker.getEventPublisher().onStateTransition(event -> log.warn(
                "Registry connector '{}' circuit {}", connectorKey, event.getStateTransition()));
    }

    private static String messageKeyOf(Throwable error) {
        return error instanceof RegistryUnavailableException unavailable ? unavailable.messageKey()
                : error.getClass().getSimpleName();
    }
}
