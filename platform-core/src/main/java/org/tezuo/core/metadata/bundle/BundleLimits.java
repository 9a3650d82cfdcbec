package org.tezuo.core.metadata.bundle;

/**
 * Size limits of an uploaded bundle.
 *
 * @param maxBytes largest accepted upload, JSON or zip
 * @param maxDocuments most documents in one bundle
 * @param maxUncompressedBytes largest total size of the files inside a zip, which bounds what a small zip can
 *     expand to
 */
public record BundleLimits(int maxBytes, int maxDocuments, long maxUncompressedBytes) {

    // NOTE: these limits are chosen, not measured. They are far above a tenant's configuration (the LNG template
    // has 10 documents, 55 KB of source files) and keep a whole bundle small enough to hold in memory.
    public static final BundleLimits DEFAULT = new BundleLimits(16 * 1024 * 1024, 500, 64L * 1024 * 1024);
}
