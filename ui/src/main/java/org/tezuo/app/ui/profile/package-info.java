/**
 * One person, one code: the printable QR badge of a person and the profile page its QR code opens, with
 * certificates, registry checks, training and practical assessment records and consented assessment clips.
 */
@NullMarked
package org.tezuo.app.ui.profile;

import org.jspecify.annotations.NullMarked;
