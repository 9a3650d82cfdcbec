package org.tezuo.core.connector.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A certificate as the national registry's public query shows it. The JSON keys are the Chinese field names of
 * that query, see {@link RegistryRecordCodec}.
 *
 * @param certNumber 证号
 * @param name 姓名
 * @param gender 性别
 * @param category 作业类别
 * @param item 操作项目
 * @param firstIssuedOn 初领日期
 * @param validFrom 有效期开始日期
 * @param validUntil 有效期结束日期
 * @param reviewDueOn 应复审日期
 * @param reviewDoneOn 实际复审日期, null while no review is recorded
 * @param issuer 签发机关
 * @param status 状态 as printed: 有效, 失效, 注销, 撤销 and so on
 */
public record RegistryCertificateRecord(
        String certNumber,
        String name,
        @Nullable String gender,
        String category,
        String item,
        @Nullable LocalDate firstIssuedOn,
        @Nullable LocalDate validFrom,
        LocalDate validUntil,
        @Nullable LocalDate reviewDueOn,
        @Nullable LocalDate reviewDoneOn,
        @Nullable String issuer,
        String status) {

    /** The 状态 text of a certificate in force. */
    public static final String STATUS_VALID = "有效";

    /** Returns whether the registry shows the certificate as in force (状态 有效). */
    public boolean isValidInRegistry() {
        return STATUS_VALID.equals(status.strip());
    }
}
