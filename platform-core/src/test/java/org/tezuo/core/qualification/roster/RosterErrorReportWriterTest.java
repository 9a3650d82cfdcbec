package org.tezuo.core.qualification.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class RosterErrorReportWriterTest {

    private final RosterErrorReportWriter writer = new RosterErrorReportWriter();
    private final List<RowError> errors = List.of(
            new RowError(12, "有效期至", "2019-13-05", "date.noSuchMonth", List.of("2019-13-05", "13")),
            new RowError(15, "姓名", "=HYPERLINK(\"x\")", "value.missing", List.of("姓名")));

    @Test
    void xlsxHasHeaderAndOneLinePerError() throws IOException {
        byte[] file = writer.xlsx(errors, Locale.SIMPLIFIED_CHINESE);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("导入错误");
            assertThat(texts(sheet.getRow(0))).containsExactly("行号", "列", "值", "原因");
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(12);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue())
                    .isEqualTo("“2019-13-05”不是有效日期：没有 13 月；请核对证书上的日期");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void csvHasBomAndQuotesFormulas() {
        byte[] file = writer.csv(errors, Locale.SIMPLIFIED_CHINESE);

        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).containsExactly("行号,列,值,原因",
                "12,有效期至,2019-13-05,“2019-13-05”不是有效日期：没有 13 月；请核对证书上的日期",
                "15,姓名,\"'=HYPERLINK(\"\"x\"\")\",缺少必填的“姓名”；请补填后重新导入本行");
    }

    @Test
    void englishReportHasEnglishHeaders() {
        String text = new String(writer.csv(errors, Locale.ENGLISH), StandardCharsets.UTF_8);

        assertThat(text).contains("Row,Column,Value,Reason");
    }

    private static List<String> texts(Row row) {
        return java.util.stream.IntStream.range(0, row.getLastCellNum())
                .mapToObj(i -> row.getCell(i).getStringCellValue()).toList();
    }
}
