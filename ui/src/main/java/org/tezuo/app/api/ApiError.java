package org.tezuo.app.api;

import java.util.List;

/**
 * Body of every error response of the REST API.
 *
 * @param code stable message key, for example {@code permit.gate.noCertificate}
 * @param message the message in the caller's locale (Accept-Language; Simplified Chinese by default)
 * @param details one entry per field error, row error or risk item where the failure has several parts
 */
public record ApiError(String code, String message, List<Detail> details) {

    /** One part of a failure: where ({@code path}) and what. */
    public record Detail(String path, String message) {
    }
}
