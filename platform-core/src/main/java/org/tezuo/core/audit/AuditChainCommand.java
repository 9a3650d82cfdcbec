package org.tezuo.core.audit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tezuo.core.i18n.UserMessages;

/**
 * The {@code ./tezuo verify-audit} command: checks every tenant's audit chain in the database the app uses and
 * exits with 0 when all are intact, 1 when any is broken. It reads the same environment variables as the app
 * ({@code TEZUO_DB_URL}, {@code TEZUO_DB_USER}, {@code TEZUO_DB_PASSWORD}, else the embedded H2 database under
 * {@code TEZUO_DATA_DIR}); the embedded database can be checked only while the app is stopped, because H2 opens its
 * file for one process. {@code --lang=en} prints English.
 */
public final class AuditChainCommand {

    private AuditChainCommand() {
    }

    public static void main(String[] args) {
        Locale locale = List.of(args).contains("--lang=en")
                ? Locale.ENGLISH : UserMessages.DEFAULT_LOCALE;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String dataDir = System.getenv().getOrDefault("TEZUO_DATA_DIR", "./data");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                System.getenv().getOrDefault("TEZUO_DB_URL", "jdbc:h2:file:" + dataDir + "/tezuo;IFEXISTS=TRUE"),
                System.getenv().getOrDefault("TEZUO_DB_USER", "sa"),
                System.getenv().getOrDefault("TEZUO_DB_PASSWORD", ""));

        List<AuditChainReport> reports = new AuditChainVerifier(dataSource).verifyAll();

        boolean intact = true;
        for (AuditChainReport report : reports) {
            out.println(UserMessages.render(locale, report.intact() ? "audit.chain.tenantIntact"
                    : "audit.chain.tenantBroken", String.valueOf(report.tenantId()), report.checked(),
                    report.unchained(), report.problems().size()));
            report.problems().forEach(problem -> out.println("  " + problem.message(locale)));
            intact &= report.intact();
        }
        System.exit(intact ? 0 : 1);
    }
}
