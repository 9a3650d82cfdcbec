package org.tezuo.core.qualification.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Inflates every entry of an xlsx archive into a reused buffer before POI reads it, and rejects the file once the
 * unpacked bytes pass a limit. A zip bomb (a small file that unpacks to gigabytes) so costs at most the limit in
 * inflating and no memory beyond the buffer. POI's own guard only rejects entries that compress better than 1:100,
 * which still lets a 10 MiB upload unpack to 1 GiB in memory.
 */
final class XlsxArchiveCheck {

    /** Most entries an xlsx ledger may contain; a workbook of a few sheets has a few dozen. */
    static final int MAX_ENTRIES = 10_000;

    private XlsxArchiveCheck() {
    }

    /**
     * @throws RosterImportException {@code file.unzippedTooLarge} when the entries unpack to more than
     *     {@code maxUnzippedBytes}, {@code file.unreadableXlsx} when the archive cannot be read or has more than
     *     {@link #MAX_ENTRIES} entries
     */
    static void check(byte[] content, String fileName, long maxUnzippedBytes) {
        byte[] buffer = new byte[64 * 1024];
        long unzipped = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new RosterImportException("file.unreadableXlsx", fileName);
                }
                int read;
                while ((read = zip.read(buffer)) != -1) {
                    unzipped += read;
                    if (unzipped > maxUnzippedBytes) {
                        throw new RosterImportException("file.unzippedTooLarge", fileName,
                                mebibytes(maxUnzippedBytes));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid in the archive's character set.
            throw new RosterImportException("file.unreadableXlsx", fileName);
        }
    }

    private static String mebibytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
