package org.tezuo.core.qualification.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorDirectory;
import org.tezuo.core.connector.ConnectorType;
import org.tezuo.core.connector.registry.CertificateRegistryClient;
import org.tezuo.core.connector.registry.CertificateRegistryClientFactory;
import org.tezuo.core.connector.registry.HttpCertificateRegistryClient;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.connector.registry.RegistryQuery;
import org.tezuo.core.connector.registry.RegistryUnavailableException;
import org.tezuo.core.connector.registry.ResilientCertificateRegistryClient;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateClass;
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
 * connector, with the connector's retries and circuit breaker ({@link ResilientCertificateRegistryClient}). Each
 * certificate is queried outside any transaction and its outcome stored in its own transaction: the registry result,
 * values adopted from a review the registry has recorded, the re-computed state, audit records and qualification
 * anomalies. A registry error, time-out or open circuit only records {@link RegistryResult#UNVERIFIABLE} and never
 * changes a state; the next run retries the certificate.
 *
 * <p>Only special-operation certificates are checked, because the connector reads the emergency-management registry
 * and special-equipment certificates are kept in the market-regulation one. A tenant run checks them in id order, in batches of {@value #BATCH_SIZE} with up to the connector's
 * {@code maxConcurrentRequests} lookups in flight, and stores a checkpoint after each batch. A run that a stopped
 * process left unfinished is resumed by the tenant's next run and skips every certificate it already checked.
 */
@Component
public class CertificateVerifier {

    /** Audit action of values adopted from the registry. */
    public static final String AUDIT_ADOPT = "certificate.registry-adopt";
    /** Audit action of a finished verification run. */
    public static final String AUDIT_RUN = "verification.run";

    private static final Logger log = LoggerFactory.getLogger(CertificateVerifier.class);

    /** Certificates read and checked between two checkpoints of a run. */
    static final int BATCH_SIZE = 200;

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
     * @throws VerificationAlreadyRunningException when a run of the tenant is in progress on this app node
     */
    public VerificationRun verifyTenant(long tenantId, String actor) {
        // NOTE: this guard covers one app node only. Callers go through CertificateJobRunner, whose cluster-wide
        // lock keeps two nodes from resuming the same unfinished run at once.
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

    /** Verifies every special-operation certificate of one person on demand. */
    public List<CertificateCheck> verifyPerson(long tenantId, long personId, String actor) {
        Context context = context(tenantId);
        return store.certificatesOf(tenantId, personId).stream()
                .filter(certificate -> certificate.certificateClass() == CertificateClass.SPECIAL_OPERATION)
                .map(certificate -> verify(context, certificate, null, actor))
                .toList();
    }

    private record Context(Tenant tenant, LifecyclePolicy policy, ConnectorDefinition connector,
            CertificateRegistryClient client) {
    }

    private Context context(long tenantId) {
        Tenant tenant = tenants.require(tenantId);
        LifecyclePolicy policy = policies.policyFor(tenantId);
        ConnectorDefinition connector = connectors.requireByType(tenantId, ConnectorType.CERTIFICATE_REGISTRY);
        CertificateRegistryClient client = new ResilientCertificateRegistryClient(clientFactory.create(connector),
                connector, clock);
        return new Context(tenant, policy, connector, client);
    }

    private VerificationRun runFor(long tenantId, String actor) {
        Context context = context(tenantId);
        VerificationRunStore.OpenRun run = resumeOrStart(tenantId, actor);
        long checkpoint = run.checkpointCertificateId();

        int inFlight = context.connector().resilience().maxConcurrentRequests();
        try (ExecutorService pool = Executors.newFixedThreadPool(inFlight,
                Thread.ofVirtual().name("verification-" + run.id() + "-", 0).factory())) {
            List<Long> batch = runs.certificatesToCheck(tenantId, run.id(), checkpoint, BATCH_SIZE);
            while (!batch.isEmpty()) {
                checkBatch(context, batch, run, pool);
                checkpoint = batch.getLast();
                runs.checkpoint(tenantId, run.id(), checkpoint);
                log.debug("Verification run {} of tenant {} reached certificate {}", run.id(), tenantId, checkpoint);
                batch = runs.certificatesToCheck(tenantId, run.id(), checkpoint, BATCH_SIZE);
            }
        }

        return finish(run, tenantId);
    }

    /**
     * Returns the tenant's unfinished run, which a stopped process left behind, or starts a new run. A resumed run
     * keeps its id, actor and the checks it stored, so no certificate is checked twice in one run.
     */
    private VerificationRunStore.OpenRun resumeOrStart(long tenantId, String actor) {
        Optional<VerificationRunStore.OpenRun> unfinished = runs.unfinished(tenantId);
        if (unfinished.isPresent()) {
            VerificationRunStore.OpenRun run = unfinished.get();
            log.info("Verification run {} of tenant {} resumed after certificate {}", run.id(), tenantId,
                    run.checkpointCertificateId());
            return run;
        }
        Instant startedAt = clock.instant();
        long runId = runs.start(tenantId, actor, startedAt);
        log.info("Verification run {} of tenant {} started", runId, tenantId);
        return new VerificationRunStore.OpenRun(runId, actor, startedAt, 0);
    }

    /** Checks a batch with at most the pool's size of registry lookups in flight and waits for all of them. */
    private void checkBatch(Context context, List<Long> certificateIds, VerificationRunStore.OpenRun run,
            ExecutorService pool) {
        List<Future<?>> checks = new ArrayList<>(certificateIds.size());
        for (long certificateId : certificateIds) {
            checks.add(pool.submit(() -> verifyInRun(context, certificateId, run)));
        }
        try {
            for (Future<?> check : checks) {
                check.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checks.forEach(check -> check.cancel(true));
            throw new VerificationException("verification.interrupted", String.valueOf(run.id()));
        } catch (ExecutionException e) {
            checks.forEach(check -> check.cancel(true));
            throw rethrowable(e.getCause());
        }
    }

    /**
     * Checks one certificate of a run. An unexpected error (a database failure, a bug) skips the certificate instead
     * of stopping the run, because a resumed run would meet the same error again at the same place; the certificate
     * has no check in this run and the next run checks it.
     */
    private void verifyInRun(Context context, long certificateId, VerificationRunStore.OpenRun run) {
        try {
            // A certificate deleted after the batch was read has nothing left to check.
            store.findCertificate(context.tenant().id(), certificateId)
                    .ifPresent(certificate -> verify(context, certificate, run.id(), run.actor()));
        } catch (RuntimeException e) {
            log.warn("Certificate {} of tenant {} skipped in verification run {}: {}", certificateId,
                    context.tenant().id(), run.id(), e.toString());
        }
    }

    private static RuntimeException rethrowable(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    private VerificationRun finish(VerificationRunStore.OpenRun open, long tenantId) {
        VerificationRun run = transaction.execute(status -> {
            VerificationRun summary = runs.summarize(tenantId, open.id(), open.actor(), open.startedAt(),
                    clock.instant());
            runs.finish(summary);
            audit.append(tenantId, open.actor(), AUDIT_RUN, "verification-run", String.valueOf(open.id()), null,
                    Map.of("checked", summary.checked(), "changed", summary.changed().size(),
                            "unverifiable", summary.unverifiable(), "mismatches", summary.mismatches()));
            return summary;
        });
        log.info("Verification run {} of tenant {} finished: {} checked, {} changed, {} unverifiable, {} mismatches",
                run.id(), tenantId, run.checked(), run.changed().size(), run.unverifiable(), run.mismatches());
        return run;
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

    /**
     * Records a mismatch anomaly when the registry newly disagrees and the state change did not already record one.
     * "Newly" compares with the last conclusive result, so that a registry outage between two runs that both find
     * the same mismatch does not record it twice.
     */
    private void recordMismatchAnomaly(Certificate certificate, RegistryResult result, CertificateState after,
            String detail) {
        boolean mismatch = result == RegistryResult.MISMATCH || result == RegistryResult.NOT_FOUND;
        boolean newlyMismatched = mismatch && previousConclusiveResult(certificate) != result;
        boolean recordedByStateChange = after != certificate.state() && !after.permitsWork();
        if (newlyMismatched && !recordedByStateChange) {
            store.recordAnomaly(certificate.tenantId(), certificate.personId(), certificate.id(), result.name(),
                    truncate(detail));
        }
    }

    private @Nullable RegistryResult previousConclusiveResult(Certificate certificate) {
        if (certificate.registryResult() != RegistryResult.UNVERIFIABLE) {
            return certificate.registryResult();
        }
        return runs.lastConclusiveResult(certificate.tenantId(), certificate.id()).orElse(null);
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
