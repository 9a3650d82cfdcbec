/** The bundled CJK font used by PDFs and photo watermarks. */
@NullMarked
package org.tezuo.core.font;

import org.jspecify.annotations.NullMarked;
