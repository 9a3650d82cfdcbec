package org.tezuo.app.ui.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.PermitSubmitter;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.Role;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.approval.ApprovalInbox;
import org.tezuo.workflow.approval.ApprovalTask;
import org.tezuo.workflow.approval.CopiedApplication;
import org.tezuo.workflow.approval.DoneTask;
import org.tezuo.workflow.approval.InboxFilter;
import org.tezuo.workflow.definition.Label;
import tools.jackson.databind.JsonNode;

/**
 * The three lists of the inbox page for the signed-in user: to do (assigned, offered to the user, or offered to
 * one of the user's roles as candidate group), done and copied to the user. The flow and the date range are
 * passed to {@link ApprovalInbox}. The keyword is matched here, because it also covers the permit number and the
 * applicant, which the workflow engine does not know.
 */
@Component
public class TaskInbox {

    private final ApprovalInbox inbox;
    private final PermitStore permits;
    private final MetadataStore metadata;
    private final OrgDirectory directory;

    TaskInbox(ApprovalInbox inbox, PermitStore permits, MetadataStore metadata, OrgDirectory directory) {
        this.inbox = inbox;
        this.permits = permits;
        this.metadata = metadata;
        this.directory = directory;
    }

    /** The inbox lists. */
    public enum Tab {
        TODO, DONE, COPIED
    }

    /**
     * Criteria that narrow the lists; a null or blank criterion matches everything.
     *
     * @param from first day, in the tenant's zone, on which an item arrived or was completed
     * @param to last day, included
     */
    public record Criteria(@Nullable String flowKey, @Nullable String keyword, @Nullable LocalDate from,
            @Nullable LocalDate to) {

        public static final Criteria ALL = new Criteria(null, null, null, null);

        InboxFilter filter(ZoneId zone) {
            return new InboxFilter(flowKey == null || flowKey.isBlank() ? null : flowKey, null,
                    from == null ? null : from.atStartOfDay(zone).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        }
    }

    /**
     * One row of a list.
     *
     * @param id task id for to-do and done rows, carbon-copy id for copied rows
     * @param nodeName the step's name in the reader's language where the engine gives both, else in Chinese
     * @param at when the task arrived, was completed, or the copy was sent
     * @param resubmission whether it is the applicant's task to change and resubmit a returned permit
     * @param unread whether a carbon copy has not been opened yet
     * @param offered whether a to-do task is offered to several people and not yet claimed by anyone
     * @param permit the permit the approval is about, or null when the business key names no permit
     */
    public record Item(Tab tab, String id, String processInstanceId, String businessKey, String flowKey,
            String nodeName, Instant at, boolean resubmission, boolean unread, boolean offered,
            @Nullable Permit permit) {
    }

    /** The three lists after filtering, each in its display order. */
    public record Lists(List<Item> todo, List<Item> done, List<Item> copied) {

        public List<Item> of(Tab tab) {
            return switch (tab) {
                case TODO -> todo;
                case DONE -> done;
                case COPIED -> copied;
            };
        }

        public long unreadCopies() {
            return copied.stream().filter(Item::unread).count();
        }
    }

    /** A published flow the lists can be narrowed to. */
    public record FlowChoice(String key, Label name) {
    }

    /** Loads the user's lists; to-do items newest first, like the other two lists. */
    public Lists load(CurrentUser user, Criteria criteria, ZoneId zone, Locale locale) {
        InboxFilter filter = criteria.filter(zone);
        List<String> roles = user.roles().stream().map(Role::code).toList();
        Predicate<Item> matches = keywordMatcher(user.tenantId(), criteria.keyword());

        List<Item> todo = inbox.todo(user.tenantId(), user.username(), roles, filter).stream()
                .map(task -> todoItem(user.tenantId(), task, locale))
                .filter(matches)
                .sorted(Comparator.comparing(Item::at).reversed())
                .toList();
        List<Item> done = inbox.done(user.tenantId(), user.username(), filter).stream()
                .map(task -> doneItem(user.tenantId(), task))
                .filter(matches)
                .toList();
        List<Item> copied = inbox.copied(user.tenantId(), user.username(), filter).stream()
                .map(copy -> copiedItem(user.tenantId(), copy))
                .filter(matches)
                .toList();
        return new Lists(todo, done, copied);
    }

    /** Marks a carbon copy as read when its reader opens it. */
    public void markRead(CurrentUser user, Item copy) {
        if (copy.tab() == Tab.COPIED && copy.unread()) {
            inbox.markCopyRead(user.tenantId(), Long.parseLong(copy.id()), user.username());
        }
    }

    /** Returns the tenant's published flows, for the flow filter. */
    public List<FlowChoice> flows(long tenantId) {
        return metadata.listPublished(tenantId, MetadataKind.FLOW).stream()
                .map(document -> new FlowChoice(document.key(), flowName(document)))
                .toList();
    }

    /** Returns the name of a flow from its newest published version, or its key when none is published. */
    public Label flowName(long tenantId, String flowKey) {
        return metadata.findPublished(tenantId, MetadataKind.FLOW, flowKey).map(TaskInbox::flowName)
                .orElse(new Label(flowKey, flowKey));
    }

    private static Label flowName(MetadataDocument document) {
        JsonNode name = document.body().path("name");
        String zh = name.path("zh").asString(document.key());
        return new Label(zh, name.path("en").asString(zh));
    }

    private Item todoItem(long tenantId, ApprovalTask task, Locale locale) {
        return new Item(Tab.TODO, task.taskId(), task.processInstanceId(), task.businessKey(), task.flowKey(),
                task.nodeName().in(locale), task.createdAt(), task.resubmission(), false, task.assignee() == null,
                permitOf(tenantId, task.businessKey()).orElse(null));
    }

    private Item doneItem(long tenantId, DoneTask task) {
        return new Item(Tab.DONE, task.taskId(), task.processInstanceId(), task.businessKey(), task.flowKey(),
                task.nodeName(), task.completedAt(), false, false, false,
                permitOf(tenantId, task.businessKey()).orElse(null));
    }

    private Item copiedItem(long tenantId, CopiedApplication copy) {
        return new Item(Tab.COPIED, String.valueOf(copy.id()), copy.processInstanceId(), copy.businessKey(),
                copy.flowKey(), copy.nodeName(), copy.copiedAt(), false, copy.unread(), false,
                permitOf(tenantId, copy.businessKey()).orElse(null));
    }

    private Optional<Permit> permitOf(long tenantId, String businessKey) {
        long permitId = PermitSubmitter.permitIdOf(businessKey);
        return permitId < 0 ? Optional.empty() : permits.find(tenantId, permitId);
    }

    /** Matches the keyword against the business key, the permit number and the applicant's user and display name. */
    private Predicate<Item> keywordMatcher(long tenantId, @Nullable String keyword) {
        if (keyword == null || keyword.isBlank()) {
            return item -> true;
        }
        String needle = keyword.strip().toLowerCase(Locale.ROOT);
        Map<String, String> displayNames = directory.users(tenantId).stream()
                .collect(Collectors.toMap(OrgDirectory.TenantUser::username, OrgDirectory.TenantUser::displayName));
        return item -> {
            Permit permit = item.permit();
            if (item.businessKey().toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
            if (permit == null) {
                return false;
            }
            return (permit.permitNumber() != null && permit.permitNumber().toLowerCase(Locale.ROOT).contains(needle))
                    || permit.applicant().toLowerCase(Locale.ROOT).contains(needle)
                    || displayNames.getOrDefault(permit.applicant(), "").toLowerCase(Locale.ROOT).contains(needle);
        };
    }
}
