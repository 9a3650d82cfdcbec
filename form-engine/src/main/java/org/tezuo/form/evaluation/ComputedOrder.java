package org.tezuo.form.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;

/**
 * Orders the computed fields of a form so that each is computed after the computed fields it reads. A field
 * reads another when its {@code x-computed} expression names that field, one of its ancestors (a whole group or
 * table) or one of its descendants.
 */
public final class ComputedOrder {

    private ComputedOrder() {
    }

    /**
     * Returns the computed fields in evaluation order, or the first cycle found as the list of field paths that
     * form it (first path repeated at the end).
     */
    public static Result of(FormDefinition form) {
        List<FormField> computed = form.allFields().stream().filter(FormField::isComputed).toList();
        Map<String, List<FormField>> reads = new LinkedHashMap<>();
        for (FormField field : computed) {
            List<FormField> dependencies = new ArrayList<>();
            for (FormField read : ExpressionReferences.fields(field.conditions().computed(), form, field)) {
                computed.stream().filter(other -> overlaps(other.path(), read.path())).forEach(dependencies::add);
            }
            reads.put(field.path(), dependencies);
        }

        List<FormField> ordered = new ArrayList<>();
        Map<String, Mark> marks = new HashMap<>();
        for (FormField field : computed) {
            Optional<List<String>> cycle = visit(field, reads, marks, ordered, new ArrayList<>());
            if (cycle.isPresent()) {
                return new Result(List.of(), cycle.get());
            }
        }
        return new Result(ordered, List.of());
    }

    private enum Mark { VISITING, DONE }

    private static Optional<List<String>> visit(FormField field, Map<String, List<FormField>> reads,
            Map<String, Mark> marks, List<FormField> ordered, List<String> stack) {
        Mark mark = marks.get(field.path());
        if (mark == Mark.DONE) {
            return Optional.empty();
        }
        stack.add(field.path());
        if (mark == Mark.VISITING) {
            return Optional.of(List.copyOf(stack.subList(stack.indexOf(field.path()), stack.size())));
        }
        marks.put(field.path(), Mark.VISITING);
        for (FormField dependency : reads.get(field.path())) {
            Optional<List<String>> cycle = visit(dependency, reads, marks, ordered, stack);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        marks.put(field.path(), Mark.DONE);
        stack.removeLast();
        ordered.add(field);
        return Optional.empty();
    }

    private static boolean overlaps(String computedPath, String readPath) {
        return computedPath.equals(readPath) || computedPath.startsWith(readPath + ".")
                || readPath.startsWith(computedPath + ".");
    }

    /**
     * The evaluation order or the cycle that prevents one.
     *
     * @param order computed fields, each after those it reads; empty when there is a cycle
     * @param cycle field paths of the first cycle found, the first repeated at the end; empty when there is none
     */
    public record Result(List<FormField> order, List<String> cycle) {

        public Result {
            order = List.copyOf(order);
            cycle = List.copyOf(cycle);
        }

        public boolean hasCycle() {
            return !cycle.isEmpty();
        }
    }
}
