/** The permit list, the permit editor with submission, and the permit detail page with the QR e-permit. */
@NullMarked
package org.tezuo.app.ui.permit;

import org.jspecify.annotations.NullMarked;
