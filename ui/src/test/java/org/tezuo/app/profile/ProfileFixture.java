package org.tezuo.app.profile;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.RegistryResult;
import org.tezuo.templates.TemplateInstaller;

/**
 * A new tenant from the LNG template with a welder, one certificate checked twice against the registry, and three
 * users: a system administrator, an HRBP and a worker.
 */
public final class ProfileFixture {

    public static final String PASSWORD = "Anquan-2026";
    public static final String ID_NUMBER = "320102198805061234";
    public static final String CERT_NUMBER = "T320102198805061234";

    public final long tenantId;
    public final long personId;
    public final long certificateId;
    public final String admin;
    public final String hrbp;
    public final String worker;

    private ProfileFixture(long tenantId, long personId, long certificateId, String admin, String hrbp,
            String worker) {
        this.tenantId = tenantId;
        this.personId = personId;
        this.certificateId = certificateId;
        this.admin = admin;
        this.hrbp = hrbp;
        this.worker = worker;
    }

    public static ProfileFixture create(TemplateInstaller installer, UserAccounts accounts,
            QualificationStore qualifications, JdbcClient jdbc) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = installer.createTenant("profile-" + suffix, "一人一码测试企业",
                "lng-terminal", ZoneId.of("Asia/Shanghai"), "test");
        long tenantId = installation.tenant().id();
        Long unit = installation.orgUnitIds().get("HQ");
        accounts.create(tenantId, "admin-" + suffix, PASSWORD, "系统管理员", Set.of("SYSTEM_ADMIN"), unit, null);
        accounts.create(tenantId, "hrbp-" + suffix, PASSWORD, "人事伙伴", Set.of("HRBP"), unit, null);
        accounts.create(tenantId, "worker-" + suffix, PASSWORD, "李强", Set.of("WORKER"), unit, null);

        Person person = qualifications.upsertPerson(tenantId, new QualificationStore.PersonData("王焊工", "男",
                ID_NUMBER, "维修车间", "焊工"));
        Certificate certificate = qualifications.upsertCertificate(tenantId, person.id(),
                new QualificationStore.CertificateData(CERT_NUMBER, "焊接与热切割作业", "熔化焊接与热切割作业",
                        LocalDate.of(2020, 3, 1), DatePrecision.DAY, LocalDate.of(2024, 3, 1),
                        LocalDate.of(2030, 2, 28), DatePrecision.DAY, LocalDate.of(2027, 3, 1), null, "南京市应急管理局"),
                CertificateState.VALID);
        Instant firstCheck = Instant.parse("2026-11-30T01:00:00Z");
        Instant secondCheck = Instant.parse("2026-12-01T01:00:00Z");
        for (Instant checkedAt : new Instant[] {firstCheck, secondCheck}) {
            jdbc.sql("""
                    insert into verification_check (tenant_id, certificate_id, result, state_before, state_after,
                        checked_at)
                    values (?, ?, 'VERIFIED', 'VALID', 'VALID', ?)""")
                    .params(tenantId, certificate.id(), Timestamp.from(checkedAt))
                    .update();
        }
        qualifications.recordRegistryResult(tenantId, certificate.id(), RegistryResult.VERIFIED, secondCheck, null);
        return new ProfileFixture(tenantId, person.id(), certificate.id(), "admin-" + suffix, "hrbp-" + suffix,
                "worker-" + suffix);
    }

    /** Returns the first bytes of an MP4 file (an ftyp box of brand isom) followed by {@code length} filler bytes. */
    public static byte[] mp4(int length) {
        byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'i',
            's', 'o', '2'};
        byte[] content = new byte[header.length + length];
        System.arraycopy(header, 0, content, 0, header.length);
        for (int i = header.length; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }
        return content;
    }
}
