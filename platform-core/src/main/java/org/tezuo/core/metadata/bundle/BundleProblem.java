package org.tezuo.core.metadata.bundle;

/**
 * One problem found in an uploaded bundle.
 *
 * @param path where: a JSON pointer into the bundle file (for example {@code /documents/2/checksum}), a zip entry
 *     name, or a path inside a document's body
 * @param message what is wrong and how to fix it, in the caller's locale
 */
public record BundleProblem(String path, String message) {
}
