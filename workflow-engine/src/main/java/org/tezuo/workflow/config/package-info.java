/** Flowable engine settings that keep process expressions limited to Tezuo's own beans. */
@NullMarked
package org.tezuo.workflow.config;

import org.jspecify.annotations.NullMarked;
