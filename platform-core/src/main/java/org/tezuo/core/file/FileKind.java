package org.tezuo.core.file;

/** What a file is for, which sets its size limit and which contents the store accepts. */
public enum FileKind {
    /** A photo or a signature: PNG, JPEG, WebP, GIF or HEIC/HEIF, recognised by the first bytes. */
    IMAGE,
    /** A document of any type. */
    DOCUMENT,
    /** A video a browser plays without plug-ins: MP4 or WebM, recognised by the first bytes. */
    VIDEO
}
