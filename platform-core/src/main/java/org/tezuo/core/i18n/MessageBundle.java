package org.tezuo.core.i18n;

/**
 * The base name of a resource bundle of user messages, for example {@code org.tezuo.workflow.messages}. A type of
 * its own keeps the bundle apart from message keys and arguments in constructor calls.
 */
public record MessageBundle(String baseName) {
}
