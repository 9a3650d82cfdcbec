package org.tezuo.core.pack;

/** Published in every app node when a tenant's policy changed on any node. */
public record PolicyChanged(long tenantId) {
}
