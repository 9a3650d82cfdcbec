/**
 * One person, one code: the unguessable token a person's QR badge carries, the training and practical assessment
 * records the profile page lists, and the assessment video clips stored with the person's consent.
 */
@NullMarked
package org.tezuo.core.qualification.profile;

import org.jspecify.annotations.NullMarked;
