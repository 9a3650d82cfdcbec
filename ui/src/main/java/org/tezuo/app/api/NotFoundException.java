package org.tezuo.app.api;

import org.tezuo.core.i18n.LocalizedException;

/** Thrown when an id does not exist in the caller's tenant; another tenant's ids look exactly the same. */
public final class NotFoundException extends LocalizedException {

    public NotFoundException(String subject, Object id) {
        super("api.notFound", subject, id);
    }
}
