/**
 * Work permits: submission through form validation, the qualification gate and risk evaluation, approval on the
 * tenant's flow with per-item risk re-confirmation, and issue of the QR e-permit.
 */
@NullMarked
package org.tezuo.app.permit;

import org.jspecify.annotations.NullMarked;
