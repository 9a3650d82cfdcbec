package org.tezuo.form.definition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the layout: either sections directly or tabs holding sections. Checks that the layout names only fields
 * the data schema defines, names none twice, and gives no two tabs or sections the same id. That every field is
 * in the layout is checked only before a document is saved, so a stored document that lacks one still parses.
 */
final class LayoutParser {

    private final FormDefinition form;
    private final List<FormDefinitionProblem> problems;
    private final List<FormSection> sections = new ArrayList<>();
    private final Map<String, String> sectionByField = new HashMap<>();
    private final Set<String> ids = new HashSet<>();

    LayoutParser(FormDefinition form, List<FormDefinitionProblem> problems) {
        this.form = form;
        this.problems = problems;
    }

    /** Parses {@code layout} and returns its tabs; a layout without tabs returns an empty list. */
    List<FormTab> parse(JsonNode layout) {
        List<FormTab> tabs = new ArrayList<>();
        JsonNode tabNodes = layout.get("tabs");
        if (tabNodes == null) {
            sections(layout.get("sections"), "/layout/sections");
        } else {
            for (int index = 0; index < tabNodes.size(); index++) {
                JsonNode tabNode = tabNodes.get(index);
                String pointer = "/layout/tabs/" + index;
                int first = sections.size();
                sections(tabNode.get("sections"), pointer + "/sections");
                String id = uniqueId(tabNode.path("id").asString("tab-" + (index + 1)), pointer);
                tabs.add(new FormTab(id, Labels.parse(tabNode.get("title")), sections.subList(first, sections.size())));
            }
        }
        return tabs;
    }

    /** Returns every section in display order, across tabs. */
    List<FormSection> sections() {
        return List.copyOf(sections);
    }

    private void sections(JsonNode sectionNodes, String pointer) {
        for (int index = 0; index < sectionNodes.size(); index++) {
            sections.add(section(sectionNodes.get(index), pointer + "/" + index));
        }
    }

    private String uniqueId(String id, String pointer) {
        if (!ids.add(id)) {
            problems.add(FormDefinitionProblem.at(pointer + "/id", "form.layout.duplicateId", id));
        }
        return id;
    }

    private FormSection section(JsonNode sectionNode, String pointer) {
        Label title = Labels.parse(sectionNode.get("title"));
        List<FormField> fields = new ArrayList<>();
        JsonNode names = sectionNode.get("fields");
        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index).asString();
            String fieldPointer = pointer + "/fields/" + index;
            String earlierSection = sectionByField.putIfAbsent(name, title.zh());
            if (earlierSection != null) {
                problems.add(FormDefinitionProblem.at(fieldPointer, "form.layout.duplicateField", name,
                        earlierSection, title.zh()));
            }
            form.field(name).ifPresentOrElse(fields::add, () -> problems.add(
                    FormDefinitionProblem.at(fieldPointer, "form.layout.unknownField", title.zh(), name)));
        }
        FieldConditions conditions = new FieldConditions(sectionNode.path("x-visibleWhen").stringValue(null),
                sectionNode.path("x-requiredWhen").stringValue(null), null);
        String id = uniqueId(sectionNode.path("id").asString("section-" + (sections.size() + 1)), pointer);
        return new FormSection(id, title, sectionNode.path("columns").asInt(1), fields, conditions, pointer);
    }
}
