package org.tezuo.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the core beans against the test PostgreSQL database. */
@SpringBootApplication
public class CoreTestApplication {
}
