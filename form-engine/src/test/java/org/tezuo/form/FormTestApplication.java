package org.tezuo.form;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the core and form-engine beans against the test PostgreSQL database. */
@SpringBootApplication(scanBasePackages = "org.tezuo")
public class FormTestApplication {
}
