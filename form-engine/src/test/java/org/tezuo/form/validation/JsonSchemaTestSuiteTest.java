package org.tezuo.form.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tezuo.form.FormFixtures;
import tools.jackson.databind.JsonNode;

/**
 * Runs cases of the official JSON-Schema-Test-Suite (draft 2020-12: {@code required.json}, {@code format.json} and
 * {@code optional/format/*.json}) through the schema registry the form validator uses. Every failure must be listed
 * with its reason in {@code known-failures.txt}; an unlisted failure, or a listed case that now passes, fails the
 * test. The pass rate is printed.
 */
class JsonSchemaTestSuiteTest {

    private static final String ROOT = "/json-schema-test-suite/";
    private static final List<String> FILES = List.of("draft2020-12/required.json", "draft2020-12/format.json",
            "draft2020-12/optional/format/date-time.json", "draft2020-12/optional/format/date.json",
            "draft2020-12/optional/format/duration.json", "draft2020-12/optional/format/email.json",
            "draft2020-12/optional/format/hostname.json", "draft2020-12/optional/format/idn-email.json",
            "draft2020-12/optional/format/idn-hostname.json", "draft2020-12/optional/format/ipv4.json",
            "draft2020-12/optional/format/ipv6.json", "draft2020-12/optional/format/iri-reference.json",
            "draft2020-12/optional/format/iri.json", "draft2020-12/optional/format/json-pointer.json",
            "draft2020-12/optional/format/regex.json", "draft2020-12/optional/format/relative-json-pointer.json",
            "draft2020-12/optional/format/time.json", "draft2020-12/optional/format/unknown.json",
            "draft2020-12/optional/format/uri-reference.json", "draft2020-12/optional/format/uri-template.json",
            "draft2020-12/optional/format/uri.json", "draft2020-12/optional/format/uuid.json");

    @Test
    void suiteFailuresAreAllKnown() {
        SchemaRegistry registry = FormSchemaDialect.registry();
        Map<String, String> known = knownFailures();
        Set<String> failed = new TreeSet<>();
        Map<String, int[]> perFile = new LinkedHashMap<>();
        int total = 0;

        for (String file : FILES) {
            int[] counts = perFile.computeIfAbsent(file, name -> new int[2]);
            for (JsonNode group : read(ROOT + file)) {
                Schema schema = registry.getSchema(group.get("schema"));
                for (JsonNode test : group.get("tests")) {
                    total++;
                    counts[1]++;
                    boolean valid = schema.validate(test.get("data"), execution -> execution.executionConfig(
                            config -> config.formatAssertionsEnabled(true))).isEmpty();
                    if (valid == test.get("valid").asBoolean()) {
                        counts[0]++;
                    } else {
                        failed.add(caseId(file, group, test));
                    }
                }
            }
        }

        int passed = total - failed.size();
        System.out.printf("JSON-Schema-Test-Suite draft2020-12 (required, format, optional/format): %d of %d "
                + "passed (%.1f%%)%n", passed, total, 100.0 * passed / total);
        perFile.forEach((file, counts) -> System.out.printf("  %-55s %3d/%3d%n", file, counts[0], counts[1]));
        Set<String> unexplained = new TreeSet<>(failed);
        unexplained.removeAll(known.keySet());
        Set<String> nowPassing = new TreeSet<>(known.keySet());
        nowPassing.removeAll(failed);
        assertThat(total).as("cases read; a smaller number means a suite file went missing").isEqualTo(597);
        assertThat(unexplained).as("failures missing from known-failures.txt").isEmpty();
        assertThat(nowPassing).as("cases in known-failures.txt that pass now; remove them").isEmpty();
    }

    /** Names a test case as {@code file | schema description | test description}. */
    private static String caseId(String file, JsonNode group, JsonNode test) {
        return file + " | " + group.get("description").asString() + " | " + test.get("description").asString();
    }

    /** Reads {@code known-failures.txt}: {@code file | group | test | reason} per line, # starts a comment. */
    private static Map<String, String> knownFailures() {
        Map<String, String> known = new LinkedHashMap<>();
        for (String line : text(ROOT + "known-failures.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int lastSeparator = line.lastIndexOf(" | ");
            String reason = line.substring(lastSeparator + 3).strip();
            assertThat(reason).as("reason of " + line).isNotEmpty();
            known.put(line.substring(0, lastSeparator).strip(), reason);
        }
        return known;
    }

    private static JsonNode read(String resource) {
        return FormFixtures.JSON.readTree(text(resource));
    }

    private static String text(String resource) {
        try (InputStream in = JsonSchemaTestSuiteTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Test resource is missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
