package org.tezuo.core.pack;

/**
 * One reason a pack cannot be applied.
 *
 * @param where the part of the pack concerned, such as {@code manifest.json} or {@code ruleset:hot-work}
 * @param message what is wrong and how to fix it, in the reader's language
 */
public record PackProblem(String where, String message) {
}
