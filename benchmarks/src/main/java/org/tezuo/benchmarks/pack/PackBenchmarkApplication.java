package org.tezuo.benchmarks.pack;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the platform core, one instance per app node, without the ui module's views and web server. */
@SpringBootApplication(scanBasePackages = {"org.tezuo.metadata", "org.tezuo.core"})
class PackBenchmarkApplication {
}
