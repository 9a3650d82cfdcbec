package org.tezuo.core.file;

import org.tezuo.core.i18n.LocalizedException;

/** An upload the store refused: too large or not of an accepted type. Nothing of it stays on disk. */
public final class FileRejectedException extends LocalizedException {

    private FileRejectedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    /** The file is larger than {@code limitBytes}; the message gives the limit in MB. */
    static FileRejectedException tooLarge(String fileName, long limitBytes) {
        return new FileRejectedException("file.tooLarge", fileName, megabytes(limitBytes));
    }

    /** The content is not an image of an accepted type; {@code declaredType} is what the uploader claimed. */
    static FileRejectedException notAnImage(String fileName, String declaredType) {
        return new FileRejectedException("file.notAnImage", fileName, declaredType);
    }

    /** Formats a byte count as megabytes (1 MB = 1,048,576 bytes) without trailing zeros, for example {@code 10}. */
    public static String megabytes(long bytes) {
        return new java.math.BigDecimal(bytes).divide(new java.math.BigDecimal(1024 * 1024), 1,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
