package org.tezuo.core.connector;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataKind;

/** Reads the published connector documents of a tenant. */
@Component
public class ConnectorDirectory {

    private final MetadataStore metadata;
    private final ConnectorDefinitionParser parser = new ConnectorDefinitionParser();

    public ConnectorDirectory(MetadataStore metadata) {
        this.metadata = metadata;
    }

    /** Returns the newest published version of every connector document of the tenant, ordered by key. */
    public List<ConnectorDefinition> definitions(long tenantId) {
        return metadata.listPublished(tenantId, MetadataKind.CONNECTOR).stream().map(parser::parse).toList();
    }

    /** Returns the first connector of {@code type} by document key, if the tenant has published one. */
    public Optional<ConnectorDefinition> findByType(long tenantId, ConnectorType type) {
        return definitions(tenantId).stream().filter(definition -> definition.type() == type).findFirst();
    }

    /** Returns the first connector of {@code type} or throws {@link ConnectorNotConfiguredException}. */
    public ConnectorDefinition requireByType(long tenantId, ConnectorType type) {
        return findByType(tenantId, type).orElseThrow(() -> new ConnectorNotConfiguredException(type));
    }
}
