/**
 * The platform's rule language: a restricted expression grammar that tenant administrators write in rulesets,
 * form conditions and flow branches, checked against an allow-list and compiled once.
 */
@NullMarked
package org.tezuo.core.rules;

import org.jspecify.annotations.NullMarked;
