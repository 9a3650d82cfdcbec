package org.tezuo.form.record;

/**
 * A record that {@link RecordService} created, updated or deleted, published with Spring's
 * {@code ApplicationEventPublisher} inside the transaction of the write. A listener that acts on the stored data uses
 * {@code @TransactionalEventListener}, so that it runs once the write has committed and never for a write that rolls
 * back. Other modules react to records of their entities this way without the form engine knowing them.
 *
 * @param tenantId the tenant of the record
 * @param entity the key of the record's entity, such as {@code site_activity}
 * @param recordId the id of the record
 * @param change what the write did
 */
public record RecordWritten(long tenantId, String entity, long recordId, Change change) {

    /** The kind of write. */
    public enum Change {
        CREATED,
        UPDATED,
        DELETED
    }
}
