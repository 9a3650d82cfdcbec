package org.tezuo.core.qualification.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.ConnectorDirectory;
import org.tezuo.core.connector.ConnectorType;
import org.tezuo.core.connector.registry.CertificateRegistryClient;
import org.tezuo.core.connector.registry.CertificateRegistryClientFactory;
import org.tezuo.core.connector.registry.HttpCertificateRegistryClient;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.connector.registry.RegistryQuery;
import org.tezuo.core.connector.registry.RegistryUnavailableException;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.RegistryResult;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * Verifies certificates against the national registry through the tenant's {@code certificate-registry}
 * connector. Each certificate is queried outside any transaction and its outcome stored in its own transaction:
 * the registry result, values adopted from a review the registry has recorded, the re-computed state, audit
 * records and qualification anomalies. A registry error or time-out only records {@link RegistryResult#UNVERIFIABLE}
 * and never changes a state; the next run retries the certificate.
 */
@Component
public class CertificateVerifier {

    /** Audit action of values adopted from the registry. */
    public static final String AUDIT_ADOPT = "certificate.registry-adopt";
    /** Audit action of a finished verification run. */
    public static final String AUDIT_RUN = "verification.run";

    private static final Logger log = LoggerFactory.getLogger(CertificateVerifier.class);

    private final TenantDirectory tenants;
    private final QualificationStore store;
    private final ConnectorDirectory connectors;
    private final CertificateRegistryClientFactory clientFactory;
    private final LifecyclePolicyResolver policies;
    private final CertificateStateRefresher refresher;
    private final VerificationRunStore runs;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final RegistryComparator comparator = new RegistryComparator();
    private final Set<Long> tenantsRunning = ConcurrentHashMap.newKeySet();

    public CertificateVerifier(TenantDirectory tenants, QualificationStore store, ConnectorDirectory connectors,
            ObjectProvider<CertificateRegistryClientFactory> clientFactory, LifecyclePolicyResolver policies,
            CertificateStateRefresher refresher, VerificationRunStore runs, AuditLog audit,
            TransactionTemplate transaction, Clock clock) {
        this.tenants = tenants;
        this.store = store;
        this.connectors = connectors;
        this.clientFactory = clientFactory.getIfAvailable(() -> HttpCertificateRegistryClient::new);
        this.policies = policies;
        this.refresher = refresher;
        this.runs = runs;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Verifies every certificate of the tenant and stores the run report.
     *
     * @throws org.tezuo.core.connector.ConnectorNotConfiguredException when no registry connector is published
     * @throws LifecycleRulesetMissingException when no certificate-lifecycle ruleset is published
     * @throws VerificationAlreadyRunningException when a run of the tenant is in progress
     */
    public VerificationRun verifyTenant(long tenantId, String actor) {
        if (!tenantsRunning.add(tenantId)) {
            throw new VerificationAlreadyRunningException(tenantId);
        }
        try {
            return runFor(tenantId, actor);
        } finally {
            tenantsRunning.remove(tenantId);
        }
    }

    /** Verifies one certificate on demand; the check is stored without a run. */
    public CertificateCheck verifyCertificate(long tenantId, long certificateId, String actor) {
        Context context = context(tenantId);
        Certificate certificate = store.findCertificate(tenantId, certificateId)
                .orElseThrow(() -> new VerificationException("verification.certificateNotFound",
                        String.valueOf(certificateId)));
        return verify(context, certificate, null, actor);
    }

    /** Verifies every certificate of one person on demand. */
    public List<CertificateCheck> verifyPerson(long tenantId, long personId, String actor) {
        Context context = context(tenantId);
        return store.certificatesOf(tenantId, personId).stream()
                .map(certificate -> verify(context, certificate, null, actor))
                .toList();
    }

    private record Context(Tenant tenant, LifecyclePolicy policy, CertificateRegistryClient client) {
    }

    private Context context(long tenantId) {
        Tenant tenant = tenants.require(tenantId);
        LifecyclePolicy policy = policies.policyFor(tenantId);
        CertificateRegistryClient client = clientFactory.create(
                connectors.requireByType(tenantId, ConnectorType.CERTIFICATE_REGISTRY));
        return new Context(tenant, policy, client);
    }

    private VerificationRun runFor(long tenantId, String actor) {
        Context context = context(tenantId);
        Instant startedAt = clock.instant();
        long runId = runs.start(tenantId, actor, startedAt);
        log.info("Verification run {} of tenant {} started", runId, tenantId);

        List<CertificateCheck> checks = new ArrayList<>();
        for (Certificate certificate : store.certificates(tenantId)) {
            checks.add(verify(context, certificate, runId, actor));
        }

        VerificationRun run = report(runId, tenantId, actor, startedAt, checks);
        transaction.executeWithoutResult(status -> {
            runs.finish(run);
            audit.append(tenantId, actor, AUDIT_RUN, "verification-run", String.valueOf(runId), null,
                    Map.of("checked", run.checked(), "changed", run.changed().size(),
                            "unverifiable", run.unverifiable(), "mismatches", run.mismatches()));
        });
        log.info("Verification run {} of tenant {} finished: {} checked, {} changed, {} unverifiable, {} mismatches",
                runId, tenantId, run.checked(), run.changed().size(), run.unverifiable(), run.mismatches());
        return run;
    }

    private VerificationRun report(long runId, long tenantId, String actor, Instant startedAt,
            List<CertificateCheck> checks) {
        List<VerificationRun.CertificateChange> changed = checks.stream()
                .filter(CertificateCheck::changedLedger)
                .map(check -> new VerificationRun.CertificateChange(check.certificateId(), check.certNumber(),
                        check.stateBefore(), check.stateAfter(), check.adopted()))
                .toList();
        int unverifiable = (int) checks.stream().filter(check -> check.result() == RegistryResult.UNVERIFIABLE)
                .count();
        int mismatches = (int) checks.stream().filter(check -> check.result() == RegistryResult.MISMATCH
                || check.result() == RegistryResult.NOT_FOUND).count();
        return new VerificationRun(runId, tenantId, actor, startedAt, clock.instant(), checks.size(),
                checks.size() - changed.size(), changed, unverifiable, mismatches);
    }

    private CertificateCheck verify(Context context, Certificate certificate, @Nullable Long runId, String actor) {
        long tenantId = context.tenant().id();
        Person holder = store.findPerson(tenantId, certificate.personId()).orElseThrow();
        RegistryQuery query = new RegistryQuery(certificate.certNumber(), holder.idNumber(), holder.name());

        Optional<RegistryCertificateRecord> record;
        try {
            record = context.client().find(query);
        } catch (RegistryUnavailableException e) {
            log.warn("Certificate {} of tenant {} is unverifiable ({})", certificate.id(), tenantId, e.messageKey());
            return transaction.execute(status -> storeUnverifiable(certificate, runId, e));
        }
        return transaction.execute(status -> storeOutcome(context, holder, certificate, record, runId, actor));
    }

    private CertificateCheck storeUnverifiable(Certificate certificate, @Nullable Long runId,
            RegistryUnavailableException error) {
        Instant now = clock.instant();
        String detail = error.message(UserMessages.DEFAULT_LOCALE);
        store.recordRegistryResult(certificate.tenantId(), certificate.id(), RegistryResult.UNVERIFIABLE, now, detail);
        CertificateCheck check = new CertificateCheck(certificate.id(), certificate.certNumber(),
                RegistryResult.UNVERIFIABLE, detail, certificate.state(), certificate.state(), List.of(), List.of(),
                now);
        runs.insertCheck(certificate.tenantId(), runId, check);
        return check;
    }

    private CertificateCheck storeOutcome(Context context, Person holder, Certificate certificate,
            Optional<RegistryCertificateRecord> record, @Nullable Long runId, String actor) {
        long tenantId = context.tenant().id();
        Instant now = clock.instant();
        RegistryResult result;
        String detail;
        List<FieldDifference> adopted = List.of();
        List<FieldDifference> differences = List.of();
        Certificate current = certificate;

        if (record.isEmpty()) {
            result = RegistryResult.NOT_FOUND;
            detail = VerificationException.stored("detail.notFound", certificate.certNumber());
        } else if (!record.get().isValidInRegistry()) {
            result = RegistryResult.INVALID_IN_REGISTRY;
            detail = VerificationException.stored("detail.invalidInRegistry", record.get().status());
        } else {
            RegistryComparator.Comparison comparison = comparator.compare(holder, certificate, record.get());
            adopted = comparison.adopted();
            differences = comparison.differences();
            if (!adopted.isEmpty()) {
                current = adopt(certificate, comparison, actor);
            }
            result = differences.isEmpty() ? RegistryResult.VERIFIED : RegistryResult.MISMATCH;
            detail = describe(adopted, differences);
        }

        store.recordRegistryResult(tenantId, certificate.id(), result, now, detail);
        CertificateState after = refresher.refresh(context.tenant(), context.policy(), current, result, actor);
        recordMismatchAnomaly(certificate, result, after, detail);

        CertificateCheck check = new CertificateCheck(certificate.id(), certificate.certNumber(), result, detail,
                certificate.state(), after, adopted, differences, now);
        runs.insertCheck(tenantId, runId, check);
        return check;
    }

    private Certificate adopt(Certificate certificate, RegistryComparator.Comparison comparison, String actor) {
        CertificateData data = new CertificateData(certificate.certNumber(), certificate.category(),
                certificate.item(), certificate.firstIssuedOn(), certificate.firstIssuedPrecision(),
                certificate.validFrom(), comparison.validUntil(), certificate.validUntilPrecision(),
                comparison.reviewDueOn(), comparison.reviewDoneOn(), certificate.issuer());
        Certificate updated = store.upsertCertificate(certificate.tenantId(), certificate.personId(), data,
                certificate.state());
        audit.append(certificate.tenantId(), actor, AUDIT_ADOPT, "certificate", String.valueOf(certificate.id()),
                valuesOf(comparison.adopted(), true), valuesOf(comparison.adopted(), false));
        log.info("Certificate {} of tenant {} adopted {} value(s) from the registry", certificate.id(),
                certificate.tenantId(), comparison.adopted().size());
        return updated;
    }

    /** Records a mismatch anomaly when the registry newly disagrees and the state change did not already record one. */
    private void recordMismatchAnomaly(Certificate certificate, RegistryResult result, CertificateState after,
            String detail) {
        boolean mismatch = result == RegistryResult.MISMATCH || result == RegistryResult.NOT_FOUND;
        boolean newlyMismatched = mismatch && certificate.registryResult() != result;
        boolean recordedByStateChange = after != certificate.state() && !after.permitsWork();
        if (newlyMismatched && !recordedByStateChange) {
            store.recordAnomaly(certificate.tenantId(), certificate.personId(), certificate.id(), result.name(),
                    truncate(detail));
        }
    }

    private static String describe(List<FieldDifference> adopted, List<FieldDifference> differences) {
        List<String> parts = new ArrayList<>();
        for (FieldDifference difference : differences) {
            parts.add(VerificationException.stored("detail.difference", difference.field().zh(),
                    orDash(difference.ledgerValue()), orDash(difference.registryValue())));
        }
        for (FieldDifference value : adopted) {
            parts.add(VerificationException.stored("detail.adopted", value.field().zh(),
                    orDash(value.ledgerValue()), orDash(value.registryValue())));
        }
        return parts.isEmpty() ? VerificationException.stored("detail.verified") : String.join("；", parts);
    }

    private static Map<String, String> valuesOf(List<FieldDifference> values, boolean ledgerSide) {
        return values.stream().collect(Collectors.toMap(value -> value.field().zh(),
                value -> orDash(ledgerSide ? value.ledgerValue() : value.registryValue())));
    }

    private static String orDash(@Nullable String value) {
        return value == null ? "—" : value;
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
