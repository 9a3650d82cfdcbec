/**
 * Industry templates: the special-operations application shipped as metadata documents (entities, forms, flows,
 * rulesets, schedules, connectors) plus an org-unit skeleton, installed into a tenant in one step.
 */
@NullMarked
package org.tezuo.templates;

import org.jspecify.annotations.NullMarked;
