package org.tezuo.core.connector;

/** Thrown when a tenant has no published connector document of the type a job needs. */
public final class ConnectorNotConfiguredException extends ConnectorException {

    private final ConnectorType type;

    public ConnectorNotConfiguredException(ConnectorType type) {
        super("connector.notConfigured", type.code());
        this.type = type;
    }

    public ConnectorType type() {
        return type;
    }
}
