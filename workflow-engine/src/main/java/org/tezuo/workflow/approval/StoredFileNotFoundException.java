package org.tezuo.workflow.approval;

import org.tezuo.workflow.WorkflowException;

/** Thrown when a signature or attachment id names no stored file of the tenant. */
public final class StoredFileNotFoundException extends WorkflowException {

    private final String fileId;

    public StoredFileNotFoundException(String fileId) {
        super("approval.fileNotFound", fileId);
        this.fileId = fileId;
    }

    public String fileId() {
        return fileId;
    }
}
