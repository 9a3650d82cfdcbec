/** The REST API of the main job, documented with OpenAPI at /v3/api-docs. */
@NullMarked
package org.tezuo.app.api;

import org.jspecify.annotations.NullMarked;
