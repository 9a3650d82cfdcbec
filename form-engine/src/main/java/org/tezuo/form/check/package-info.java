/**
 * The checks a form document must pass before it is saved or published: a valid data schema, a consistent layout,
 * expressions that compile in the rule language and read only defined fields, and no cycle among computed fields.
 */
@NullMarked
package org.tezuo.form.check;

import org.jspecify.annotations.NullMarked;
