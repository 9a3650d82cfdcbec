/**
 * Demo mode: the demo tenant 演示化工有限公司 created from the LNG template with its users and ledger, and loopback
 * stubs of the certificate registry, the weather service and the door-access system.
 */
@NullMarked
package org.tezuo.app.demo;

import org.jspecify.annotations.NullMarked;
