package org.tezuo.core.metadata.bundle;

import org.tezuo.core.i18n.LocalizedException;

/** Thrown when a bundle cannot be applied; the preview lists every problem, and nothing was saved. */
public final class BundleRejectedException extends LocalizedException {

    private final transient BundlePreview preview;

    BundleRejectedException(BundlePreview preview) {
        super("metadata.bundle.rejected", preview.problems().size()
                + preview.count(ImportStatus.INVALID));
        this.preview = preview;
    }

    public BundlePreview preview() {
        return preview;
    }
}
