package org.tezuo.app.ui.flow;

import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Downloads of compiled BPMN files named after the flow, such as {@code 受限空间作业审批.bpmn}. The name goes into
 * the Content-Disposition header as an RFC 5987 {@code filename*} in UTF-8, so Chinese text, including characters
 * outside the Basic Multilingual Plane such as 𠀀, reaches the browser unchanged.
 */
final class BpmnFiles {

    private static final Logger log = LoggerFactory.getLogger(BpmnFiles.class);

    static final String CONTENT_TYPE = "application/xml";
    static final String EXTENSION = ".bpmn";

    private BpmnFiles() {
    }

    /** Returns the file name for a flow: its name with characters no file system accepts replaced by "_". */
    static String fileName(String flowName, String fallback) {
        String cleaned = flowName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return (cleaned.isEmpty() ? fallback : cleaned) + EXTENSION;
    }

    /** Returns the Content-Disposition header value that makes the browser save {@code fileName}. */
    static String contentDisposition(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }

    /**
     * Returns a handler that writes the XML {@code xml} supplies at request time as {@code fileName}. When the
     * supplier fails because the chain does not compile, the response is 409 with the message as plain text.
     */
    static DownloadHandler download(Supplier<String> fileName, Supplier<String> xml) {
        return event -> {
            String body;
            try {
                body = xml.get();
            } catch (RuntimeException e) {
                log.info("BPMN download of {} failed because the chain does not compile: {}", fileName.get(),
                        e.getMessage());
                event.getResponse().setStatus(409);
                event.setContentType("text/plain;charset=UTF-8");
                writeBody(event.getOutputStream(), String.valueOf(e.getMessage()));
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            event.setContentType(CONTENT_TYPE);
            event.setContentLength(bytes.length);
            event.getResponse().setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName.get()));
            try (OutputStream out = event.getOutputStream()) {
                out.write(bytes);
            }
        };
    }

    private static void writeBody(OutputStream out, String text) throws IOException {
        try (out) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
