/**
 * Administrative lifecycle steps of certificates and their holders: revocation (撤销/吊销) and cancellation (注销)
 * with a reason, approval of the extended review interval, and time away from the post. A long absence requires a
 * practical re-exam before the person works again.
 */
@NullMarked
package org.tezuo.core.qualification.lifecycle;

import org.jspecify.annotations.NullMarked;
