/** The per-person QR badge in the application: who may do what with it, and the URL its QR code encodes. */
@NullMarked
package org.tezuo.app.profile;

import org.jspecify.annotations.NullMarked;
