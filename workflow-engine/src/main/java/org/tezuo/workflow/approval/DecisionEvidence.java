package org.tezuo.workflow.approval;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.core.file.FileStore;
import org.tezuo.workflow.definition.ApproverNode;

/** Checks the files that go with a decision or a comment: the signature a node requires and the attachments. */
@Component
public class DecisionEvidence {

    private final FileStore files;

    public DecisionEvidence(FileStore files) {
        this.files = files;
    }

    /**
     * Checks that a signature is given exactly when {@code node} requires one, and that every file exists in the
     * tenant.
     *
     * @throws SignatureException when the signature is missing or not expected
     * @throws StoredFileNotFoundException when a file id names no file of the tenant
     */
    public void check(long tenantId, ApproverNode node, @Nullable String signatureFileId, List<String> attachmentIds) {
        if (node.requiresSignature() && signatureFileId == null) {
            throw SignatureException.required(node.name().zh());
        }
        if (!node.requiresSignature() && signatureFileId != null) {
            throw SignatureException.notExpected(node.name().zh());
        }
        if (signatureFileId != null) {
            requireFile(tenantId, signatureFileId);
        }
        checkAttachments(tenantId, attachmentIds);
    }

    /** Checks that every attachment id names a file of the tenant. */
    public void checkAttachments(long tenantId, List<String> attachmentIds) {
        attachmentIds.forEach(id -> requireFile(tenantId, id));
    }

    private void requireFile(long tenantId, String fileId) {
        if (files.find(tenantId, fileId).isEmpty()) {
            throw new StoredFileNotFoundException(fileId);
        }
    }
}
