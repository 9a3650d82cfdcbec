package org.tezuo.core.qualification.roster;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.qualification.DatePrecision;

/**
 * A realistic ledger of 55 valid persons and 13 bad rows: title rows, synonym headers, every accepted date and
 * ID-number spelling, colloquial categories, a merged department cell, a blank row, and the rejected cases.
 */
final class TestLedger {

    /** What a valid row must store. */
    record Expected(int rowNumber, String name, String gender, String idNumber, String certNumber, String category,
            String item, @Nullable LocalDate validFrom, LocalDate validUntil, DatePrecision validUntilPrecision,
            @Nullable LocalDate reviewDueOn, @Nullable LocalDate reviewDoneOn, String orgUnit) {
    }

    static final int HEADER_ROW = 4;
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final String ISSUER = "南通市应急管理局";
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "吴", "周"};
    private static final String[] GIVEN_NAMES = {"建华", "秀兰", "志明", "海燕", "国平"};
    private static final String[] DEPARTMENTS = {"储运部", "接收站运行一班", "维修车间", "电仪车间"};
    private static final String[][] CATEGORIES = {
        {"焊接与热切割作业", "熔化焊接与热切割作业", "焊接与热切割作业", "熔化焊接与热切割作业"},
        {"电焊", "", "焊接与热切割作业", "熔化焊接与热切割作业"},
        {"电工作业", "低压电工作业", "电工作业", "低压电工作业"},
        {"低压电工", "", "电工作业", "低压电工作业"},
        {"登高", "", "高处作业", "登高架设作业"},
        {"制冷", "制冷与空调设备运行操作作业", "制冷与空调作业", "制冷与空调设备运行操作作业"},
        {"高压电工", "", "电工作业", "高压电工作业"},
        {"电工作业", "防爆电气", "电工作业", "防爆电气作业"},
    };

    final LedgerFixture fixture = new LedgerFixture();
    final List<Expected> valid = new ArrayList<>();
    /** Reason keys of each rejected row; the numeric ID cell differs between xlsx and csv and is listed apart. */
    final Map<Integer, List<String>> rejected = new LinkedHashMap<>();

    int monthOnlyRow;
    int welderRow;
    int welderDuplicateRow;
    int numericIdRow;
    int checkCharacterRow;
    int missingValuesRow;
    int unknownCategoryRow;
    String badCheckIdNumber = "";
    String monthOnlyIdNumber = "";

    TestLedger() {
        fixture.row("测试化工有限公司特种作业人员持证台账（2026年）");
        fixture.row("填报单位：安全环保部", "", "", "", "", "", "", "", "", "", "", "", "", "", "更新日期：2026-12-01");
        fixture.row();
        fixture.row("序号", "姓名", "性别", "证件号码", "操作证号", "作业类别", "操作项目", "初次领证日期", "有效期开始日期",
                "有效期结束日期", "应复审日期", "实际复审日期", "签发机关", "班组", "岗位", "备注");
        for (int i = 0; i < 50; i++) {
            if (i == 25) {
                fixture.row();
            }
            generatedPerson(i);
        }
        specialPersons();
        badRows();
    }

    static String idNumber(String birthDate, int sequence) {
        String first17 = "320623" + birthDate + String.format("%03d", sequence);
        return first17 + IdNumberNormaliser.checkCharacter(first17);
    }

    private void generatedPerson(int i) {
        int sequence = 100 + i;
        String id = idNumber(LocalDate.of(1970, 1, 1).plusDays(i * 211L).format(DateTimeFormatter.BASIC_ISO_DATE),
                sequence);
        boolean male = sequence % 2 == 1;
        String name = SURNAMES[i % 10] + GIVEN_NAMES[i / 10];
        String[] category = CATEGORIES[i % CATEGORIES.length];
        LocalDate validFrom = LocalDate.of(2021, 1, 10).plusDays(i * 37L);
        LocalDate validUntil = validFrom.plusYears(6).minusDays(1);
        LocalDate reviewDue = validFrom.plusYears(3);
        LocalDate reviewDone = i % 10 != 9 && reviewDue.isBefore(LocalDate.of(2026, 12, 4)) ? reviewDue.minusDays(20)
                : null;
        LocalDate firstIssued = i % 3 == 0 ? validFrom.minusYears(6) : validFrom;
        String department = DEPARTMENTS[i % DEPARTMENTS.length];
        Object departmentCell = department;
        if (i >= 10 && i <= 12) {
            department = "维修车间";
            departmentCell = i == 10 ? department : new LedgerFixture.MergedBelow(department);
        }
        String gender = male ? "男" : "女";
        String genderCell = i % 10 == 1 ? gender + "性" : gender;
        String certCell = i % 7 == 2 ? "t" + id.toLowerCase() : "T" + id;
        int style = i % 9;

        int rowNumber = fixture.nextRowNumber();
        fixture.row(String.valueOf(i + 1), name, genderCell, idCell(id, i % 6), certCell, category[0], category[1],
                dateCell(firstIssued, style), dateCell(validFrom, style), dateCell(validUntil, style),
                dateCell(reviewDue, style), reviewDone == null ? "" : dateCell(reviewDone, style), ISSUER,
                departmentCell, category[3].startsWith("熔化") ? "焊工" : "电工", "");
        valid.add(new Expected(rowNumber, name, gender, id, "T" + id, category[2], category[3], validFrom, validUntil,
                DatePrecision.DAY, reviewDue, reviewDone, department));
    }

    private void specialPersons() {
        monthOnlyIdNumber = idNumber("19850101", 201);
        monthOnlyRow = person("测试甲", "男", fullWidth(monthOnlyIdNumber), "T" + monthOnlyIdNumber, "焊接与热切割作业",
                "熔化焊接与热切割作业", "2023-03", "2029-03", "2026-03", "2026年3月", "维修车间");
        valid.add(new Expected(monthOnlyRow, "测试甲", "男", monthOnlyIdNumber, "T" + monthOnlyIdNumber, "焊接与热切割作业",
                "熔化焊接与热切割作业", LocalDate.of(2023, 3, 1), LocalDate.of(2029, 3, 31), DatePrecision.MONTH,
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 1), "维修车间"));

        special("周过期", idNumber("19820730", 93), "2020-12-01", "2026-11-30", "2023-12-01", "2023-11-20");
        special("郑逾期", idNumber("19920517", 139), "2022-09-01", "2028-08-31", "2025-09-01", "");
        special("赵临近", idNumber("19900214", 57), "2023-12-20", "2029-12-19", "2026-12-20", "");

        String welder = idNumber("19780412", 13);
        welderRow = person("王　有效", "男", welder, "T" + welder, "电焊", "", "2024-05-20", "2030-05-19", "2027-05-20", "",
                "维修车间");
        valid.add(new Expected(welderRow, "王有效", "男", welder, "T" + welder, "焊接与热切割作业", "熔化焊接与热切割作业",
                LocalDate.of(2024, 5, 20), LocalDate.of(2030, 5, 19), DatePrecision.DAY, LocalDate.of(2027, 5, 20), null,
                "维修车间"));
    }

    private void special(String name, String id, String validFrom, String validUntil, String reviewDue,
            String reviewDone) {
        int row = person(name, "男", id, "T" + id, "焊接与热切割作业", "熔化焊接与热切割作业", validFrom, validUntil, reviewDue,
                reviewDone, "维修车间");
        valid.add(new Expected(row, name, "男", id, "T" + id, "焊接与热切割作业", "熔化焊接与热切割作业",
                LocalDate.parse(validFrom), LocalDate.parse(validUntil), DatePrecision.DAY, LocalDate.parse(reviewDue),
                reviewDone.isEmpty() ? null : LocalDate.parse(reviewDone), "维修车间"));
    }

    private void badRows() {
        String good = idNumber("19870316", 52);
        badCheckIdNumber = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        checkCharacterRow = bad(List.of("id.checkCharacter"), "钱错位", "男", badCheckIdNumber, "T" + badCheckIdNumber,
                "焊接与热切割作业", "熔化焊接与热切割作业", "2025-04-08", "2031-04-07");

        String boiler = idNumber("19810722", 35);
        unknownCategoryRow = bad(List.of("category.unknown"), "冯潜水", "男", boiler, "T" + boiler, "潜水员", "",
                "2021-06-01", "2027-05-31");

        String nameless = idNumber("19950103", 26);
        missingValuesRow = bad(List.of("value.missing", "value.missing"), "", "女", nameless, "T" + nameless, "电工作业",
                "低压电工作业", "2023-07-01", "");

        String welder = idNumber("19780412", 13);
        welderDuplicateRow = bad(List.of("row.duplicate"), "王有效", "男", welder, "T" + welder, "电焊", "", "2024-05-20",
                "2030-05-19");

        String month13 = idNumber("19830909", 17);
        bad(List.of("date.noSuchMonth"), "褚月份", "男", month13, "T" + month13, "高处作业", "登高架设作业", "2019-02-28",
                "2019-13-05");

        String twoDigit = idNumber("19760412", 77);
        int twoDigitRow = fixture.nextRowNumber();
        fixture.row("", "卫两位", "男", twoDigit, "T" + twoDigit, "电工作业", "低压电工作业", "19/3/5", "2020-10-10",
                "2026-10-09", "", "", ISSUER, "电仪车间", "电工", "");
        rejected.put(twoDigitRow, List.of("date.twoDigitYear"));
        bad(List.of("id.oldFormat"), "蒋旧号", "男", "320623760412013", "T320623760412013", "电工作业", "低压电工作业",
                "2020-10-10", "2026-10-09");

        String electrician = idNumber("19891120", 73);
        bad(List.of("item.missing"), "蒋电工", "男", electrician, "T" + electrician, "电工", "", "2022-04-18",
                "2028-04-17");

        String american = idNumber("19900101", 91);
        bad(List.of("date.yearLast"), "韩美式", "男", american, "T" + american, "电工作业", "低压电工作业", "3/5/2019",
                "2025-03-04");

        String february = idNumber("19910101", 111);
        bad(List.of("date.noSuchDay"), "朱二月", "男", february, "T" + february, "电工作业", "低压电工作业", "2019-03-01",
                "2025-02-30");

        String male = idNumber("19930101", 131);
        int genderRow = fixture.nextRowNumber();
        fixture.row("", "性别错", "女", male, "T" + male, "电工作业", "低压电工作业", "", "2024-01-01", "2029-12-31", "", "",
                ISSUER, "电仪车间", "电工", "");
        rejected.put(genderRow, List.of("gender.mismatch"));

        String expired = idNumber("19820730", 93);
        bad(List.of("row.nameConflict"), "周冒名", "男", expired, "TEST-0001", "电工作业", "低压电工作业", "2024-01-01",
                "2029-12-31");
        numericIdRow = fixture.nextRowNumber();
        fixture.row("", "数字格式", "男", new LedgerFixture.Numeric(3.20623198509230e17, "3.20623E+17"), "T1",
                "电工作业", "低压电工作业", "", "2024-01-01", "2029-12-31", "", "", ISSUER, "电仪车间", "电工", "");
    }

    private int person(String name, String gender, String id, String cert, String category, String item,
            String validFrom, String validUntil, String reviewDue, String reviewDone, String department) {
        int row = fixture.nextRowNumber();
        fixture.row("", name, gender, id, cert, category, item, "", validFrom, validUntil, reviewDue, reviewDone, ISSUER,
                department, "焊工", "");
        return row;
    }

    private int bad(List<String> reasonKeys, String name, String gender, String id, String cert, String category,
            String item, String validFrom, String validUntil) {
        int row = fixture.nextRowNumber();
        fixture.row("", name, gender, id, cert, category, item, "", validFrom, validUntil, "", "", ISSUER, "维修车间",
                "焊工", "");
        rejected.put(row, reasonKeys);
        return row;
    }

    private static Object dateCell(LocalDate date, int style) {
        return switch (style) {
            case 0 -> date.toString();
            case 1 -> date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
            case 2 -> date.getYear() + "." + date.getMonthValue() + "." + date.getDayOfMonth();
            case 3 -> date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
            case 4 -> " " + date.getYear() + " 年 " + date.getMonthValue() + " 月 " + date.getDayOfMonth() + " 日 ";
            case 5 -> date;
            case 6 -> new LedgerFixture.Serial(Math.toIntExact(ChronoUnit.DAYS.between(EXCEL_EPOCH, date)));
            case 7 -> fullWidth(date.toString());
            default -> date.format(DateTimeFormatter.BASIC_ISO_DATE);
        };
    }

    private static String idCell(String id, int style) {
        return switch (style) {
            case 0 -> id;
            case 1 -> fullWidth(id);
            case 2 -> id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
            case 3 -> id.toLowerCase();
            case 4 -> " " + id + " ";
            default -> "\u3000" + id;
        };
    }

    static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        for (char c : text.toCharArray()) {
            wide.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : c);
        }
        return wide.toString();
    }
}
