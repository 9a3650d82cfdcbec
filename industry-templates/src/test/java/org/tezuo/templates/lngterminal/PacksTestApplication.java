package org.tezuo.templates.lngterminal;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the core and form-engine beans, with the form document checks, against the test PostgreSQL database. */
@SpringBootApplication(scanBasePackages = {"org.tezuo.metadata", "org.tezuo.core", "org.tezuo.form"})
class PacksTestApplication {
}
