package org.tezuo.app.permit.evidence;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.i18n.UserMessages;

/**
 * The {@code ./tezuo verify-permit <permit id>} command: checks the evidence seal chain and the stored files of one
 * permit and exits with 0 when intact, 1 when anything broke and 2 for an unknown permit or a missing id. It reads
 * the database and file locations from the same environment variables as the app ({@code TEZUO_DB_URL},
 * {@code TEZUO_DB_USER}, {@code TEZUO_DB_PASSWORD}, {@code TEZUO_DATA_DIR}, {@code TEZUO_FILES_DIR}). The embedded
 * H2 database can be checked only while the app is stopped. {@code --lang=en} prints English.
 */
public final class EvidenceVerificationCommand {

    private EvidenceVerificationCommand() {
    }

    public static void main(String[] args) {
        Locale locale = List.of(args).contains("--lang=en") ? Locale.ENGLISH : UserMessages.DEFAULT_LOCALE;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Optional<Long> permitId = List.of(args).stream().filter(arg -> arg.matches("\\d{1,18}")).map(Long::valueOf)
                .findFirst();
        if (permitId.isEmpty()) {
            out.println("usage: ./tezuo verify-permit <permit id> [--lang=en]");
            System.exit(2);
        }
        String dataDir = System.getenv().getOrDefault("TEZUO_DATA_DIR", "./data");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
                System.getenv().getOrDefault("TEZUO_DB_URL", "jdbc:h2:file:" + dataDir + "/tezuo;IFEXISTS=TRUE"),
                System.getenv().getOrDefault("TEZUO_DB_USER", "sa"),
                System.getenv().getOrDefault("TEZUO_DB_PASSWORD", "")));
        Path filesDir = Path.of(System.getenv().getOrDefault("TEZUO_FILES_DIR", dataDir + "/files"));
        FileStore files = new FileStore(jdbc, Clock.systemUTC(), filesDir, DataSize.ofMegabytes(10),
                DataSize.ofMegabytes(20), DataSize.ofMegabytes(200));

        Optional<Long> tenantId = jdbc.sql("select tenant_id from permit where id = ?").param(permitId.get())
                .query(Long.class).optional();
        if (tenantId.isEmpty()) {
            out.println(UserMessages.render(locale, "evidence.command.unknownPermit", permitId.get()));
            System.exit(2);
        }
        EvidenceVerification result = new EvidenceVerifier(new EvidenceStore(jdbc), files)
                .verify(tenantId.get(), permitId.get());

        out.println(UserMessages.render(locale, result.intact() ? "evidence.command.intact"
                : "evidence.command.broken", permitId.get(), result.evidenceCount(), result.sealCount(),
                result.problems().size()));
        result.problems().forEach(problem -> out.println("  " + problem.message(locale)));
        System.exit(result.intact() ? 0 : 1);
    }
}
