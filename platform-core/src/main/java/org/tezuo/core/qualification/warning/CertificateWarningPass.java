package org.tezuo.core.qualification.warning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.ConnectorDirectory;
import org.tezuo.core.connector.ConnectorType;
import org.tezuo.core.connector.dooraccess.DoorAccessClient;
import org.tezuo.core.connector.dooraccess.DoorAccessClientFactory;
import org.tezuo.core.connector.dooraccess.HttpDoorAccessClient;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.notification.Notice;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.CertificateStateEvaluator;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.RegistryResult;
import org.tezuo.core.qualification.verification.CertificateStateRefresher;
import org.tezuo.core.qualification.verification.LifecyclePolicyParser;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.qualification.verification.VerificationRunStore;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataDocument;

/**
 * Runs the warning rules of a tenant's certificate-lifecycle ruleset over every certificate: re-computes each state
 * for today in the tenant's zone, raises notices and to-dos once per certificate, rule and due date, and freezes or
 * unfreezes each person (with door access) through {@link PermitFreezer}. Each recipient of a notice or to-do gets a
 * {@link Notice} in the transaction that raises it, and a to-do still unconfirmed after its rule's escalation time
 * is escalated once to the users of the escalation role. Safe to run several times a day.
 */
@Component
public class CertificateWarningPass {

    /** Audit action of a raised notice, to-do or freeze record. */
    public static final String AUDIT_RAISE = "warning.raise";
    /** Audit action of a to-do escalated because a role did not confirm it in time. */
    public static final String AUDIT_ESCALATE = "warning.escalate";

    private static final Logger log = LoggerFactory.getLogger(CertificateWarningPass.class);

    private final TenantDirectory tenants;
    private final QualificationStore store;
    private final LifecyclePolicyResolver policies;
    private final CertificateStateRefresher refresher;
    private final VerificationRunStore runs;
    private final WarningStore warnings;
    private final RecipientResolver recipients;
    private final PermitFreezer freezer;
    private final ConnectorDirectory connectors;
    private final DoorAccessClientFactory doorClients;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LifecyclePolicyParser policyParser = new LifecyclePolicyParser();
    private final WarningRuleParser ruleParser = new WarningRuleParser();

    public CertificateWarningPass(TenantDirectory tenants, QualificationStore store, LifecyclePolicyResolver policies,
            CertificateStateRefresher refresher, VerificationRunStore runs, WarningStore warnings,
            RecipientResolver recipients, PermitFreezer freezer, ConnectorDirectory connectors,
            ObjectProvider<DoorAccessClientFactory> doorClients, AuditLog audit, ApplicationEventPublisher events,
            TransactionTemplate transaction, Clock clock) {
        this.tenants = tenants;
        this.store = store;
        this.policies = policies;
        this.refresher = refresher;
        this.runs = runs;
        this.warnings = warnings;
        this.recipients = recipients;
        this.freezer = freezer;
        this.connectors = connectors;
        this.doorClients = doorClients.getIfAvailable(() -> HttpDoorAccessClient::new);
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The next due date of a certificate and how many days remain until it, counted in the tenant's zone. */
    private record Due(LocalDate date, DueKind kind, long daysLeft) {
    }

    /**
     * Runs the pass over the tenant.
     *
     * @throws org.tezuo.core.qualification.verification.LifecycleRulesetMissingException when no lifecycle ruleset
     *     is published
     */
    public WarningPassReport run(long tenantId, String actor) {
        Tenant tenant = tenants.require(tenantId);
        MetadataDocument ruleset = policies.requireRuleset(tenantId);
        LifecyclePolicy policy = policyParser.parsePolicy(ruleset.reference(), ruleset.body());
        List<WarningRule> rules = ruleParser.parse(ruleset.body());
        DoorAccessClient door = connectors.findByType(tenantId, ConnectorType.DOOR_ACCESS)
                .map(doorClients::create).orElse(null);
        LocalDate today = clock.instant().atZone(tenant.zone()).toLocalDate();
        log.info("Warning pass of tenant {} started for {} with {} rule(s)", tenantId, today, rules.size());

        Map<Long, Person> persons = new HashMap<>();
        store.persons(tenantId).forEach(person -> persons.put(person.id(), person));
        Map<Long, List<Lapse>> lapsesByPerson = new HashMap<>();
        int stateChanges = 0;
        int notices = 0;
        int todos = 0;
        List<Certificate> certificates = store.certificates(tenantId);
        for (Certificate certificate : certificates) {
            CertificateState state = transaction.execute(
                    status -> refresher.refresh(tenant, policy, certificate, actor));
            if (state != certificate.state()) {
                stateChanges++;
            }
            Due due = dueOf(certificate, new CertificateStateEvaluator(policy).reviewDueOf(certificate), today);
            boolean lapsed = state == CertificateState.EXPIRED || state == CertificateState.INVALID
                    || state.administrative() || due.daysLeft() < 0;
            Person holder = persons.get(certificate.personId());
            for (WarningRule rule : rules) {
                if (rule.kind() == WarningKind.FREEZE) {
                    if (lapsed || due.daysLeft() < rule.offsetDays()) {
                        Lapse lapse = new Lapse(certificate, state, due.date(), due.kind(),
                                invalidInRegistry(certificate), rule.actions(), rule.id());
                        lapsesByPerson.computeIfAbsent(holder.id(), id -> new ArrayList<>()).add(lapse);
                        raise(tenant, holder, certificate, rule, due, PermitFreezer.reasonFor(lapse), actor);
                    }
                } else if (!lapsed && fires(rule, policy, certificate, due, today)
                        && raise(tenant, holder, certificate, rule, due,
                                message(holder, certificate, rule, due, policy), actor)) {
                    if (rule.kind() == WarningKind.NOTICE) {
                        notices++;
                    } else {
                        todos++;
                    }
                }
            }
        }

        int escalated = 0;
        for (WarningRule rule : rules) {
            if (rule.escalation() != null) {
                escalated += escalate(tenant, persons, rule, actor);
            }
        }

        int frozen = 0;
        int unfrozen = 0;
        int doorFailures = 0;
        for (Person person : persons.values()) {
            PermitFreezer.Outcome outcome = transaction.execute(status -> freezer.reconcile(tenantId, person,
                    lapsesByPerson.getOrDefault(person.id(), List.of()), door, actor));
            frozen += outcome.frozen() ? 1 : 0;
            unfrozen += outcome.unfrozen() ? 1 : 0;
            doorFailures += outcome.doorFailed() ? 1 : 0;
        }

        WarningPassReport report = new WarningPassReport(tenantId, clock.instant(), certificates.size(),
                stateChanges, notices, todos, escalated, frozen, unfrozen, doorFailures);
        log.info("Warning pass of tenant {} finished: {}", tenantId, report);
        return report;
    }

    /**
     * Returns the next deadline of a certificate. {@code reviewDueOn} is the ledger's review due date or, when the
     * ledger has none, the one derived from the validity start, so a missing column never hides an overdue review.
     */
    private Due dueOf(Certificate certificate, @Nullable LocalDate reviewDueOn, LocalDate today) {
        LocalDate date = CertificateStateEvaluator.nextDeadline(certificate.validUntil(), reviewDueOn,
                certificate.reviewDoneOn());
        DueKind kind = date.equals(certificate.validUntil()) ? DueKind.VALIDITY_END : DueKind.REVIEW;
        return new Due(date, kind, ChronoUnit.DAYS.between(today, date));
    }

    /** The review application window before a due date, with the clause that sets its length. */
    private record ReviewWindow(LocalDate opensOn, String source) {
    }

    /**
     * Returns the review application window before the due date, from the lifecycle rule of the certificate's class
     * in force on that date, or empty when the rule sets no window.
     */
    private static Optional<ReviewWindow> reviewWindow(LifecyclePolicy policy, Certificate certificate, Due due) {
        return policy.rules().ruleOn(certificate.certificateClass(), due.date())
                .filter(rule -> rule.reviewWindowDays() != null)
                .map(rule -> new ReviewWindow(rule.reviewWindowOpensOn(due.date()), rule.reviewWindowDays().source()));
    }

    /** Returns whether a notice or to-do rule fires today for a certificate that has not lapsed. */
    private static boolean fires(WarningRule rule, LifecyclePolicy policy, Certificate certificate, Due due,
            LocalDate today) {
        if (rule.countsFrom() == WarningRule.CountsFrom.DUE_DATE) {
            return due.daysLeft() <= rule.offsetDays();
        }
        return reviewWindow(policy, certificate, due)
                .map(window -> !today.isBefore(window.opensOn().minusDays(rule.offsetDays())))
                .orElse(false);
    }

    private boolean invalidInRegistry(Certificate certificate) {
        RegistryResult result = certificate.registryResult() == RegistryResult.UNVERIFIABLE
                ? runs.lastConclusiveResult(certificate.tenantId(), certificate.id()).orElse(null)
                : certificate.registryResult();
        return result == RegistryResult.INVALID_IN_REGISTRY;
    }

    /** Raises a warning unless the same certificate, rule and due date already has one; returns whether it did. */
    private boolean raise(Tenant tenant, Person holder, Certificate certificate, WarningRule rule, Due due,
            String message, String actor) {
        if (warnings.exists(tenant.id(), certificate.id(), rule.id(), due.date())) {
            return false;
        }
        Boolean raised = transaction.execute(status -> {
            WarningStatus initial = rule.kind() == WarningKind.TODO ? WarningStatus.OPEN : WarningStatus.NOTIFIED;
            var id = warnings.insertIfAbsent(new WarningStore.NewWarning(tenant.id(), certificate.id(), holder.id(),
                    rule.id(), rule.kind(), due.date(), due.kind(), message, link(rule, certificate), initial),
                    clock.instant());
            if (id.isEmpty()) {
                return false;
            }
            String subject = WarningException.stored(subjectKey(rule));
            String noticeLink = link(rule, certificate) != null ? link(rule, certificate) : personPage(holder);
            for (String recipient : rule.recipients()) {
                List<String> usernames = recipients.usernames(tenant.id(), holder, recipient);
                warnings.insertRole(id.get(), recipient, usernames);
                usernames.forEach(username -> events.publishEvent(new Notice(tenant.id(), username, rule.topic(),
                        subject, message, noticeLink)));
            }
            audit.append(tenant.id(), actor, AUDIT_RAISE, "certificate-warning", String.valueOf(id.get()), null,
                    Map.of("certificateId", certificate.id(), "rule", rule.id(), "dueDate", due.date().toString()));
            return true;
        });
        return Boolean.TRUE.equals(raised);
    }

    /**
     * Escalates the rule's open to-dos raised at least the escalation time ago: each goes once, as a notice, to the
     * users with the escalation role (in the holder's unit when it has any) and is marked escalated. Returns how many.
     */
    private int escalate(Tenant tenant, Map<Long, Person> persons, WarningRule rule, String actor) {
        WarningRule.Escalation escalation = rule.escalation();
        int escalated = 0;
        for (CertificateWarning todo : warnings.unescalatedTodos(tenant.id(), rule.id(),
                clock.instant().minus(escalation.after()))) {
            Person holder = persons.get(todo.personId());
            Boolean done = transaction.execute(status -> {
                List<String> usernames = recipients.usernames(tenant.id(), holder, escalation.role());
                if (!warnings.markEscalated(tenant.id(), todo.id(), clock.instant(), usernames)) {
                    return false;
                }
                String waitingFor = String.join("、", todo.roles().stream()
                        .filter(role -> !role.confirmed()).map(CertificateWarning.RoleConfirmation::role).toList());
                String body = WarningException.stored("escalation.todo", todo.message(), waitingFor,
                        String.valueOf(escalation.after().toHours()));
                String subject = WarningException.stored("escalation.subject");
                usernames.forEach(username -> events.publishEvent(new Notice(tenant.id(), username, rule.topic(),
                        subject, body, personPage(holder))));
                audit.append(tenant.id(), actor, AUDIT_ESCALATE, "certificate-warning", String.valueOf(todo.id()),
                        null, Map.of("role", escalation.role(), "recipients", usernames, "waitingFor", waitingFor));
                if (usernames.isEmpty()) {
                    log.warn("To-do {} of tenant {} is marked escalated, but no enabled user has role {}", todo.id(),
                            tenant.id(), escalation.role());
                } else {
                    log.info("Escalated to-do {} of tenant {} to {} user(s) with role {}", todo.id(), tenant.id(),
                            usernames.size(), escalation.role());
                }
                return true;
            });
            escalated += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return escalated;
    }

    private static String personPage(Person person) {
        return "/persons/" + person.id();
    }

    private static String subjectKey(WarningRule rule) {
        String kind = rule.kind() == WarningKind.TODO ? "todo" : "notice";
        return rule.countsFrom() == WarningRule.CountsFrom.REVIEW_WINDOW ? kind + ".reviewWindow.subject"
                : kind + ".subject";
    }

    /**
     * Returns the Chinese text of a notice or to-do. A review-window rule names the window's first day, the due date
     * and the clause that sets the window, so the holder learns that a review application is accepted now.
     */
    private static String message(Person holder, Certificate certificate, WarningRule rule, Due due,
            LifecyclePolicy policy) {
        String dueKind = due.kind() == DueKind.REVIEW ? "review" : "validityEnd";
        String kind = rule.kind() == WarningKind.NOTICE ? "notice." : "todo.";
        String certificateClass = certificate.certificateClass().label(UserMessages.DEFAULT_LOCALE);
        if (rule.countsFrom() == WarningRule.CountsFrom.REVIEW_WINDOW) {
            ReviewWindow window = reviewWindow(policy, certificate, due).orElseThrow();
            return WarningException.stored(kind + "reviewWindow." + dueKind, holder.name(), certificate.certNumber(),
                    certificate.item(), due.date().toString(), String.valueOf(due.daysLeft()), certificateClass,
                    window.opensOn().toString(), window.source());
        }
        return WarningException.stored(kind + dueKind, holder.name(), certificate.certNumber(), certificate.item(),
                due.date().toString(), String.valueOf(due.daysLeft()), certificateClass);
    }

    private static @Nullable String link(WarningRule rule, Certificate certificate) {
        if (rule.link() == null) {
            return null;
        }
        return rule.link().replace("{certificateId}", String.valueOf(certificate.id()))
                .replace("{certNumber}", certificate.certNumber());
    }
}
