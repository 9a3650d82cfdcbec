package org.tezuo.app.ui.approval;

import com.vaadin.flow.server.VaadinRequest;

/**
 * Links to stored files through {@code /api/files/{id}}, which serves them to signed-in users of their tenant
 * with the original name in {@code Content-Disposition}.
 */
public final class FileLinks {

    private FileLinks() {
    }

    /** Returns the download path of a stored file under the application's context path. */
    public static String href(String fileId) {
        VaadinRequest request = VaadinRequest.getCurrent();
        String contextPath = request == null ? "" : request.getContextPath();
        // Stored-file ids are URL-safe Base64, so they need no escaping in a path.
        return contextPath + "/api/files/" + fileId;
    }
}
