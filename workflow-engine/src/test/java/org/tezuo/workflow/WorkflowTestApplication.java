package org.tezuo.workflow;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the core and workflow beans with a real Flowable engine against the test PostgreSQL database. */
@SpringBootApplication(scanBasePackages = "org.tezuo")
public class WorkflowTestApplication {
}
