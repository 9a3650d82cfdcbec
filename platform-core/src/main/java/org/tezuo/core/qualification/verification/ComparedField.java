package org.tezuo.core.qualification.verification;

/** A ledger field that verification compares with the registry, named as the registry's query shows it. */
public enum ComparedField {
    CERT_NUMBER("证号"),
    NAME("姓名"),
    CATEGORY("作业类别"),
    ITEM("操作项目"),
    VALID_UNTIL("有效期结束日期"),
    REVIEW_DUE_ON("应复审日期"),
    REVIEW_DONE_ON("实际复审日期");

    private final String zh;

    ComparedField(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
