/** Persons and their certificates, read-only, scoped to the user's tenant. */
@NullMarked
package org.tezuo.app.ui.person;

import org.jspecify.annotations.NullMarked;
