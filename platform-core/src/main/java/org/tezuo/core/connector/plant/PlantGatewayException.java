package org.tezuo.core.connector.plant;

import org.tezuo.core.connector.ConnectorException;

/** Thrown when a plant gateway cannot be reached, times out, returns an error status or sends an invalid payload. */
public final class PlantGatewayException extends ConnectorException {

    public PlantGatewayException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
