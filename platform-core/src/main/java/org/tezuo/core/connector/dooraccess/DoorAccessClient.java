package org.tezuo.core.connector.dooraccess;

/**
 * Revokes and restores a person's site access in the enterprise door-access system. Both calls are idempotent on
 * the door system's side: revoking twice leaves access revoked.
 */
public interface DoorAccessClient {

    /** Revokes the person's access; throws {@link DoorAccessFailedException} when the door system did not confirm. */
    void revoke(DoorAccessRequest request);

    /** Restores the person's access; throws {@link DoorAccessFailedException} when the door system did not confirm. */
    void restore(DoorAccessRequest request);
}
