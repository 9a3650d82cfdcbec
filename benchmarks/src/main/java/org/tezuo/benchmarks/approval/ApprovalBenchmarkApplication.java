package org.tezuo.benchmarks.approval;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Boots the platform core and the workflow engine with Flowable, without the ui module's views, web server and
 * approver resolver. {@link RoleDirectory} replaces the organisation directory.
 */
@SpringBootApplication(scanBasePackages = {"org.tezuo.metadata", "org.tezuo.core", "org.tezuo.workflow",
        "org.tezuo.benchmarks.approval"})
class ApprovalBenchmarkApplication {
}
