/** Regulations bundled as ruleset documents, each rule and threshold naming its source clause. */
@NullMarked
package org.tezuo.packs;

import org.jspecify.annotations.NullMarked;
