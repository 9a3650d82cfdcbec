package org.tezuo.core.qualification.roster;

/** The file formats a ledger may arrive in, recognised by content rather than by name. */
public enum LedgerFileType {
    XLSX,
    CSV;

    private static final int TEXT_PROBE_BYTES = 8192;

    /**
     * Recognises the format from the first bytes: a zip archive is taken as xlsx, text without NUL bytes as csv.
     *
     * @throws RosterImportException for an empty file, a legacy or encrypted .xls, a PDF or other binary content
     */
    static LedgerFileType sniff(byte[] content, String fileName) {
        if (content.length == 0) {
            throw new RosterImportException("file.empty", fileName);
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            return XLSX;
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new RosterImportException("file.legacyExcel", fileName);
        }
        if (startsWith(content, '%', 'P', 'D', 'F') || containsNul(content)) {
            throw new RosterImportException("file.unsupportedType", fileName);
        }
        return CSV;
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsNul(byte[] content) {
        for (int i = 0; i < Math.min(content.length, TEXT_PROBE_BYTES); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
