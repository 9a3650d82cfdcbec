package org.tezuo.core.pack;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.metadata.bundle.DocumentPreview;
import org.tezuo.core.metadata.bundle.ImportStatus;

/**
 * The effect that applying a pack would have on a tenant.
 *
 * @param manifest the manifest, or null when the file could not be read
 * @param problems every reason the pack cannot be applied; empty when it can
 * @param documents per document new, changed or unchanged with the field-level changes
 * @param affectedPermits permits in flight whose ruleset, form or flow the pack changes
 * @param unconfirmed values the publisher marks as not confirmed against the official text
 * @param scheduled true when the effective date lies ahead, so applying schedules the pack
 */
public record PolicyPackPreview(@Nullable PolicyPackManifest manifest, List<PackProblem> problems,
        List<DocumentPreview> documents, List<AffectedPermit> affectedPermits, List<UnconfirmedValue> unconfirmed,
        boolean scheduled) {

    public PolicyPackPreview {
        problems = List.copyOf(problems);
        documents = List.copyOf(documents);
        affectedPermits = List.copyOf(affectedPermits);
        unconfirmed = List.copyOf(unconfirmed);
    }

    /** Returns whether the pack can be applied as it is. */
    public boolean applicable() {
        return manifest != null && problems.isEmpty()
                && documents.stream().noneMatch(document -> document.status() == ImportStatus.INVALID);
    }

    /** Returns how many distinct permits the pack affects; a permit whose form and ruleset both change counts once. */
    public long affectedPermitCount() {
        return affectedPermits.stream().mapToLong(AffectedPermit::permitId).distinct().count();
    }

    /** Returns every problem, those of the file and those of its documents. */
    public List<PackProblem> allProblems() {
        List<PackProblem> all = new java.util.ArrayList<>(problems);
        documents.forEach(document -> document.problems().forEach(problem -> all.add(
                new PackProblem(document.kind() + ":" + document.key() + problem.path(), problem.message()))));
        return all;
    }

    /**
     * A permit that the pack would affect: submitted, in approval or issued, and not closed.
     *
     * @param documentReference the pack's document ({@code ruleset:hot-work}) the permit uses
     */
    public record AffectedPermit(long permitId, @Nullable String permitNumber, String status, String permitType,
            String documentReference) {
    }
}
