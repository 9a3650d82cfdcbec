package org.tezuo.core.qualification.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class XlsxArchiveCheckTest {

    private static final long ONE_MEBIBYTE = 1024 * 1024;

    @Test
    @DisplayName("A workbook that unpacks to less than the limit passes")
    void workbookUnderLimitPasses() throws IOException {
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("台账").createRow(0).createCell(0).setCellValue("姓名");
            book.write(out);
            workbook = out.toByteArray();
        }

        assertThatCode(() -> XlsxArchiveCheck.check(workbook, "台账.xlsx", ONE_MEBIBYTE)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("An entry that unpacks beyond the limit is rejected with the limit in MiB")
    void entryBeyondLimitIsRejected() throws IOException {
        byte[] bomb = zipOfZeros("xl/worksheets/sheet1.xml", 8 * ONE_MEBIBYTE);

        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThatThrownBy(() -> XlsxArchiveCheck.check(bomb, "台账.xlsx", ONE_MEBIBYTE))
                .isInstanceOfSatisfying(RosterImportException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("file.unzippedTooLarge");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("文件“台账.xlsx”解压后超过 1 MiB，"
                            + "可能是伪装成 xlsx 的压缩炸弹，没有导入；请确认文件来源，在 Excel 中打开后另存为 .xlsx 再上传");
                });
    }

    @Test
    @DisplayName("Entries that together unpack beyond the limit are rejected")
    void entriesTogetherBeyondLimitAreRejected() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 3; i++) {
                zip.putNextEntry(new ZipEntry("xl/media/image" + i + ".png"));
                zip.write(new byte[(int) (ONE_MEBIBYTE / 2)]);
                zip.closeEntry();
            }
        }

        assertThatThrownBy(() -> XlsxArchiveCheck.check(out.toByteArray(), "台账.xlsx", ONE_MEBIBYTE))
                .isInstanceOfSatisfying(RosterImportException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("file.unzippedTooLarge"));
    }

    @Test
    @DisplayName("A damaged archive is reported as an unreadable workbook")
    void damagedArchiveIsUnreadable() throws IOException {
        byte[] archive = zipOfZeros("xl/worksheets/sheet1.xml", ONE_MEBIBYTE);
        byte[] damaged = java.util.Arrays.copyOf(archive, archive.length / 2);
        damaged[40] ^= 0x55;

        assertThatThrownBy(() -> XlsxArchiveCheck.check(damaged, "台账.xlsx", 100 * ONE_MEBIBYTE))
                .isInstanceOfSatisfying(RosterImportException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("file.unreadableXlsx"));
    }

    private static byte[] zipOfZeros(String entryName, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(entryName));
            byte[] zeros = new byte[64 * 1024];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
