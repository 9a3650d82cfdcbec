/**
 * The monthly qualification-health report: coverage of valid certificates, overdue and upcoming reviews, on-time
 * review rate and frozen persons per company, plant and workshop, written as PDF and xlsx and sent as a notice.
 */
@NullMarked
package org.tezuo.core.qualification.health;

import org.jspecify.annotations.NullMarked;
