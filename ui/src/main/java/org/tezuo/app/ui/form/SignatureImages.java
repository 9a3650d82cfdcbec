package org.tezuo.app.ui.form;

import java.util.Base64;
import java.util.Optional;

/** Decodes the PNG data URLs that {@link SignaturePad} sends, before they go to the file store. */
public final class SignatureImages {

    private static final String PNG_DATA_URL = "data:image/png;base64,";
    /**
     * Maximum length of a data URL accepted from the browser. By estimate, strokes on a 1,500 × 480 pixel pad
     * compress to a PNG well under 200 KB, which is under 300,000 characters of Base64.
     */
    private static final int MAX_DATA_URL_LENGTH = 2_000_000;

    private SignatureImages() {
    }

    /** Returns the PNG bytes of a data URL, or empty when it is no PNG data URL, too long or not Base64. */
    public static Optional<byte[]> decodePng(String dataUrl) {
        if (!dataUrl.startsWith(PNG_DATA_URL) || dataUrl.length() > MAX_DATA_URL_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
