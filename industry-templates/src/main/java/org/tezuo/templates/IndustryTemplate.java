package org.tezuo.templates;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.metadata.MetadataKind;

/**
 * A parsed template manifest ({@code org/tezuo/templates/<id>/template.json}).
 *
 * @param documents the metadata documents the template publishes, in order
 * @param permitTypes the permit types the template offers and the documents each one uses
 * @param orgUnits the org-unit skeleton created with the tenant
 * @param posts the posts created with the tenant and the certificate items each requires
 */
public record IndustryTemplate(
        String id,
        String nameZh,
        String nameEn,
        List<DocumentEntry> documents,
        List<PermitType> permitTypes,
        List<OrgUnitSeed> orgUnits,
        List<PostSeed> posts) {

    /**
     * One document of the template: either a resource of the template or a document of a bundled policy pack.
     *
     * @param resource path relative to the template folder, or null when {@code pack} is set
     * @param pack path relative to {@code org/tezuo/packs/}, or null when {@code resource} is set
     */
    public record DocumentEntry(MetadataKind kind, String key, @Nullable String resource, @Nullable String pack) {
    }

    /** A permit type: which form, flow and rulesets it runs on and how its numbers start. */
    public record PermitType(String type, String nameZh, String nameEn, String numberPrefix, String form, String flow,
            String ruleset, String qualificationRuleset) {
    }

    /** An org unit created when the template is installed; {@code parent} is the code of its parent. */
    public record OrgUnitSeed(String code, String name, String kind, @Nullable String parent) {
    }

    /**
     * A post (岗位) created when the template is installed. A person holds it when the person's position equals
     * {@code name}, and needs a valid certificate of any one of {@code requiredItems}.
     *
     * @param source the clause or enterprise rule behind the requirement
     */
    public record PostSeed(String code, String name, List<String> requiredItems, String source) {

        public PostSeed {
            requiredItems = List.copyOf(requiredItems);
        }
    }

    public Optional<PermitType> permitType(String type) {
        return permitTypes.stream().filter(candidate -> candidate.type().equals(type)).findFirst();
    }
}
