package org.tezuo.app.ui.form;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;

/**
 * File store access for one signed-in user of one tenant. Uploads are recorded under the user, and reads stay in
 * the tenant.
 */
public final class FormFiles {

    private final FileStore store;
    private final long tenantId;
    private final String username;

    public FormFiles(FileStore store, long tenantId, String username) {
        this.store = store;
        this.tenantId = tenantId;
        this.username = username;
    }

    /** Streams an upload to the store; see {@link FileStore#store} for the checks and the exception. */
    StoredFile store(FileKind kind, String originalName, @Nullable String declaredType, InputStream content) {
        return store.store(tenantId, username, kind, originalName, declaredType, content);
    }

    Optional<StoredFile> find(String id) {
        return store.find(tenantId, id);
    }

    InputStream open(StoredFile file) throws IOException {
        return store.open(file);
    }

    long maxBytes(FileKind kind) {
        return store.maxBytes(kind);
    }
}
