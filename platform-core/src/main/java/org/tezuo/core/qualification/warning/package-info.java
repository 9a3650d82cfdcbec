/**
 * Certificate warnings as metadata: notices to the holder, to-dos that a team leader and HRBP confirm, and the
 * permit freeze with door-access revocation when a certificate lapses, all driven by the warning rules of the
 * tenant's certificate-lifecycle ruleset.
 */
@NullMarked
package org.tezuo.core.qualification.warning;

import org.jspecify.annotations.NullMarked;
