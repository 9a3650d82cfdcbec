package org.tezuo.core.qualification.health;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same cases on H2, the embedded default database, where Liquibase creates the platform tables with upper-case
 * names and the query layer must still find them.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:health-report;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=", "tezuo.files.dir=target/test-files",
        "tezuo.health-report.check-interval=0", "tezuo.notification.poll-interval=0"})
class HealthReportCalculatorH2Test extends HealthReportCalculatorTest {
}
