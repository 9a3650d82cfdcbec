package org.tezuo.benchmarks.verification;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the platform core without the ui module's views and web server. */
@SpringBootApplication(scanBasePackages = {"org.tezuo.metadata", "org.tezuo.core"})
class VerificationBenchmarkApplication {
}
