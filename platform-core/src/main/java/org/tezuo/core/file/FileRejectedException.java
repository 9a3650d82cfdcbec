package org.tezuo.core.file;

import org.tezuo.core.i18n.LocalizedException;

/** An upload the store refused: too large or not of an accepted type. Nothing of it stays on disk. */
public final class FileRejectedException extends LocalizedException {

    private FileRejectedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    /** Creates the rejection of a file larger than {@code limitBytes}, whose message gives the limit in MB. */
    static FileRejectedException tooLarge(String fileName, long limitBytes) {
        return new FileRejectedException("file.tooLarge", fileName, megabytes(limitBytes));
    }

    /**
     * Creates the rejection of content that is no accepted image type. {@code declaredType} is the content type
     * the uploader declared.
     */
    static FileRejectedException notAnImage(String fileName, String declaredType) {
        return new FileRejectedException("file.notAnImage", fileName, declaredType);
    }

    /** Creates the rejection of a JPEG or PNG whose structure cannot be read, so its metadata cannot be removed. */
    static FileRejectedException damagedImage(String fileName, String contentType) {
        return new FileRejectedException("file.imageDamaged", fileName, contentType);
    }

    /**
     * Creates the rejection of content that is no MP4 or WebM video. {@code declaredType} is the content type the
     * uploader declared.
     */
    static FileRejectedException notAVideo(String fileName, String declaredType) {
        return new FileRejectedException("file.notAVideo", fileName, declaredType);
    }

    /**
     * Creates the rejection of a file whose declared length already exceeds {@code limitBytes}, before any byte
     * is stored; the message names both sizes in MB.
     */
    public static FileRejectedException declaredTooLarge(String fileName, long declaredBytes, long limitBytes) {
        return new FileRejectedException("file.declaredTooLarge", fileName, megabytes(declaredBytes),
                megabytes(limitBytes));
    }

    /** Formats a byte count as megabytes (1 MB = 1,048,576 bytes) without trailing zeros, for example {@code 10}. */
    public static String megabytes(long bytes) {
        return new java.math.BigDecimal(bytes).divide(new java.math.BigDecimal(1024 * 1024), 1,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
