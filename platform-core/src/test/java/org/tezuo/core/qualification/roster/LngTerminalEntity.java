package org.tezuo.core.qualification.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LNG-terminal template's files that the roster tests read. They live in the industry-templates module,
 * which depends on this one, so the tests read them from the source tree (Maven runs tests in the module folder).
 */
final class LngTerminalEntity {

    static final Path TEMPLATE_DIR = Path.of("../industry-templates/src/main/resources/org/tezuo/templates/lng-terminal");

    private LngTerminalEntity() {
    }

    static JsonNode personCertificateBody() {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(TEMPLATE_DIR.resolve(
                    "entity/person-certificate.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LedgerProfile profile() {
        return LedgerProfile.from(personCertificateBody());
    }

    static byte[] demoRoster() {
        try {
            return Files.readAllBytes(TEMPLATE_DIR.resolve("demo/roster.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
