/**
 * The pages a browser gets instead of Vaadin's English routing errors: an unknown address and a page the signed-in
 * user may not open, each saying in the user's language what happened and what to do. Addresses under
 * {@code /profile}, which badge QR codes open on phones, get their own wording.
 */
@NullMarked
package org.tezuo.app.ui.error;

import org.jspecify.annotations.NullMarked;
