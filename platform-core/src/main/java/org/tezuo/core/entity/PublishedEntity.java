package org.tezuo.core.entity;

/**
 * A published version of an entity that stores records.
 *
 * @param tenantId owner tenant
 * @param key document key
 * @param version published version; records written now carry it as {@code entity_version}
 * @param definition the parsed document
 */
public record PublishedEntity(long tenantId, String key, int version, EntityDefinition definition) {

    public String name() {
        return definition.name();
    }
}
