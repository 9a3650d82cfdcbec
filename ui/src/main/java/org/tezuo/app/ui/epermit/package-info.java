/** The public, read-only e-permit page that the QR code of an issued permit opens. */
@NullMarked
package org.tezuo.app.ui.epermit;

import org.jspecify.annotations.NullMarked;
