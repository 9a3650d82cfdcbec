package org.tezuo.core.qualification.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.tenant.TenantDirectory;

/** File-level behaviour of the importer: type sniffing, encodings, limits and header problems. */
@SpringBootTest
@Import(FixedClockConfiguration.class)
class RosterImportFilesTest {

    private static final String HEADER = "姓名,身份证号,证书编号,作业类别,操作项目,有效期至\n";
    private static final String WELDER = TestLedger.idNumber("19780412", 13);
    private static final String ROW = "王建国," + WELDER + ",T" + WELDER + ",电焊,,2030-05-19\n";

    @Autowired
    RosterImporter importer;

    @Autowired
    RosterImportStore batches;

    @Autowired
    QualificationStore store;

    @Autowired
    TenantDirectory tenants;

    private final LedgerProfile profile = LngTerminalEntity.profile();

    private long newTenant() {
        return tenants.create("roster-" + UUID.randomUUID(), "测试化工有限公司", null, FixedClockConfiguration.SHANGHAI).id();
    }

    private RosterImportResult importFile(long tenantId, String fileName, byte[] content) {
        return importer.importLedger(tenantId, fileName, new ByteArrayInputStream(content), profile,
                new LifecyclePolicy(30, 30), FixedClockConfiguration.SHANGHAI, "admin");
    }

    private void assertRejected(String fileName, byte[] content, String expectedChineseMessage) {
        long tenantId = newTenant();

        assertThatThrownBy(() -> importFile(tenantId, fileName, content))
                .isInstanceOfSatisfying(RosterImportException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(expectedChineseMessage));
        assertThat(batches.recent(tenantId, 10)).isEmpty();
        assertThat(store.persons(tenantId)).isEmpty();
    }

    @Test
    void xlsxIsRecognisedByContentNotName() {
        LedgerFixture fixture = new LedgerFixture().row("姓名", "身份证号", "证书编号", "作业类别", "操作项目", "有效期至")
                .row("王建国", WELDER, "T" + WELDER, "电焊", "", "2030-05-19");
        long tenantId = newTenant();

        RosterImportResult result = importFile(tenantId, "台账.csv", fixture.xlsx());

        assertThat(result.fileType()).isEqualTo(LedgerFileType.XLSX);
        assertThat(result.created()).isEqualTo(1);
    }

    @Test
    void pdfIsRejected() {
        assertRejected("台账.pdf", "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII),
                "文件“台账.pdf”既不是 xlsx 表格也不是 CSV 文本；请上传 .xlsx 或 UTF-8 编码的 .csv 台账");
    }

    @Test
    void legacyXlsIsRejected() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};

        assertRejected("台账.xls", ole2, "文件“台账.xls”是旧版 .xls 或加密的 Excel 文件，无法读取；请在 Excel 中另存为不加密的 "
                + ".xlsx 或“CSV UTF-8（逗号分隔）”后重新上传");
    }

    @Test
    void zipThatIsNoWorkbookIsRejected() {
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6};

        assertRejected("台账.xlsx", zip, "文件“台账.xlsx”不是可读取的 xlsx 表格（文件可能已损坏）；请在 Excel 中打开并另存为 .xlsx "
                + "后重新上传");
    }

    @Test
    void gbkCsvIsRejected() {
        byte[] gbk = (HEADER + ROW).getBytes(Charset.forName("GBK"));

        assertRejected("台账.csv", gbk, "文件“台账.csv”不是 UTF-8 编码（可能是 GBK）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”"
                + "或直接上传 .xlsx");
    }

    @Test
    void emptyFileIsRejected() {
        assertRejected("台账.csv", new byte[0], "文件“台账.csv”是空的；请上传填好的持证台账");
    }

    @Test
    void fileWithoutHeaderIsRejected() {
        String text = "演示化工有限公司特种作业人员持证台账\n序号,人员,号码\n1,王建国," + WELDER + "\n";

        assertRejected("台账.csv", text.getBytes(StandardCharsets.UTF_8), "文件“台账.csv”的前 10 行中没有找到表头：表头行至少应有 "
                + "3 个可识别的列名；请确认表头包含 姓名、身份证号、证书编号、作业类别、操作项目、有效期至 等列");
    }

    @Test
    void headerMissingRequiredColumnIsRejected() {
        String text = "姓名,身份证号,证书编号,作业类别,操作项目\n王建国," + WELDER + ",T" + WELDER + ",电焊,\n";

        assertRejected("台账.csv", text.getBytes(StandardCharsets.UTF_8), "文件“台账.csv”第 1 行表头缺少必需的列："
                + "有效期至（有效期至/有效期结束日期/有效期截止日期/有效期止）；请添加这些列后重新上传");
    }

    @Test
    void twoColumnsForOneFieldAreRejected() {
        String text = "姓名,身份证号,证书编号,作业类别,操作项目,有效期至,部门,班组\n";

        assertRejected("台账.csv", text.getBytes(StandardCharsets.UTF_8), "文件“台账.csv”第 1 行表头中“部门”和“班组”都对应"
                + "“所属部门”；请删除或改名其中一列");
    }

    @Test
    void headerWithoutDataRowsIsRejected() {
        assertRejected("台账.csv", HEADER.getBytes(StandardCharsets.UTF_8),
                "文件“台账.csv”第 1 行是表头，但表头下没有数据行；请填写人员后重新上传");
    }

    @Test
    void fileOverTenMebibytesIsRejected() {
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(large, (byte) 'a');

        assertRejected("台账.csv", large, "文件“台账.csv”超过 10 MiB 的上限；请删除无关的工作表或图片，或把台账拆成几个文件分别导入");
    }

    @Test
    void moreThanTwentyThousandRowsAreRejected() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 20_001; i++) {
            text.append(ROW);
        }

        assertRejected("台账.csv", text.toString().getBytes(StandardCharsets.UTF_8),
                "文件“台账.csv”的数据超过 20000 行的上限；请把台账拆成几个文件分别导入");
    }

    @Test
    void unbalancedQuoteIsRejected() {
        String text = HEADER + ROW + "\"李强,1,2\n";

        assertRejected("台账.csv", text.getBytes(StandardCharsets.UTF_8), "文件“台账.csv”第 3 个非空行附近的引号不成对，"
                + "无法按 CSV 读取；请在 Excel 中打开后重新另存为 CSV UTF-8");
    }

    @Test
    void sameNumberOtherItemRejected() {
        String text = HEADER + ROW + "王建国," + WELDER + ",T" + WELDER + ",电工作业,低压电工作业,2030-05-19\n";
        long tenantId = newTenant();

        RosterImportResult result = importFile(tenantId, "台账.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.errors()).singleElement().satisfies(error -> assertThat(error.message(
                Locale.SIMPLIFIED_CHINESE)).isEqualTo("第 3 行“证书编号”列：本行与第 2 行的身份证号和证书编号相同，但操作项目不同"
                        + "（第 2 行为“熔化焊接与热切割作业”，本行为“低压电工作业”）；系统按身份证号和证书编号识别证书，同一编号目前只能"
                        + "保存一张，本行未导入；请核对证书编号，或联系管理员"));
    }
}
