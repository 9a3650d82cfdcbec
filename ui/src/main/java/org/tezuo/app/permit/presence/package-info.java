/**
 * Presence checks during permit work: the people a permit names check in by phone, the watcher asks them for a
 * position snapshot at an interval, and someone outside the work zone too long, a missed snapshot or a guardian
 * who leaves raises an alert to the safety directors and the work leader. Position fixes are deleted once the
 * permit record's retention period has passed, and a summary stays.
 */
@NullMarked
package org.tezuo.app.permit.presence;

import org.jspecify.annotations.NullMarked;
