/**
 * Certificate lifecycle steps in the application: who may revoke, cancel, approve an extension and record time away
 * from the post, the one path the screens and the REST API take for them, and who reads certificate numbers in full.
 */
@NullMarked
package org.tezuo.app.qualification;

import org.jspecify.annotations.NullMarked;
