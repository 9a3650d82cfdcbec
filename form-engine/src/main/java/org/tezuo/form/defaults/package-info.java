/** Initial data of a new form record: schema defaults plus values taken from the request context. */
@NullMarked
package org.tezuo.form.defaults;

import org.jspecify.annotations.NullMarked;
