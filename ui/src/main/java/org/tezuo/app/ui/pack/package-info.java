/** The policy-pack screen: upload or pick a pack, read its preview, apply it, and roll packs back. */
@NullMarked
package org.tezuo.app.ui.pack;

import org.jspecify.annotations.NullMarked;
