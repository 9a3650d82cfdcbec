package org.tezuo.core.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Stores uploaded files on disk under {@code tezuo.files.dir} (default {@code <tezuo.data-dir>/files}) with one
 * {@code stored_file} row each. Content is streamed through a 64 KiB buffer to a temporary file and moved into
 * place only after the size limit, the image check and the SHA-256 are done, so a rejected upload leaves nothing
 * behind. A JPEG or PNG is stored without its metadata ({@link ImageMetadataStripper}), and its size and SHA-256
 * are those of the stored content. Every read takes the tenant id, and a file of another tenant is reported as not found.
 *
 * <p>NOTE: a file stays stored when the form it was uploaded for is never saved; no job removes such files yet.
 */
@Component
public class FileStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");
    private static final String UNKNOWN_TYPE = "application/octet-stream";
    private static final int MAX_NAME_LENGTH = 255;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path root;
    private final long maxImageBytes;
    private final long maxDocumentBytes;
    private final long maxVideoBytes;
    private final SecureRandom random = new SecureRandom();

    public FileStore(JdbcClient jdbc, Clock clock,
            @Value("${tezuo.files.dir:${tezuo.data-dir:./data}/files}") Path root,
            @Value("${tezuo.files.max-image-size:10MB}") DataSize maxImageSize,
            @Value("${tezuo.files.max-document-size:20MB}") DataSize maxDocumentSize,
            @Value("${tezuo.files.max-video-size:200MB}") DataSize maxVideoSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.root = root.toAbsolutePath().normalize();
        this.maxImageBytes = maxImageSize.toBytes();
        this.maxDocumentBytes = maxDocumentSize.toBytes();
        this.maxVideoBytes = maxVideoSize.toBytes();
    }

    /** Returns the largest file of {@code kind} the store accepts, in bytes. */
    public long maxBytes(FileKind kind) {
        return switch (kind) {
            case IMAGE -> maxImageBytes;
            case DOCUMENT -> maxDocumentBytes;
            case VIDEO -> maxVideoBytes;
        };
    }

    /**
     * Streams {@code content} to disk and records it for the tenant.
     *
     * @param declaredType the media type the uploader sent, or null; the type of an image or a video is taken
     *     from its first bytes instead
     * @throws FileRejectedException when the content exceeds {@link #maxBytes(FileKind)}, when an image is not
     *     PNG, JPEG, WebP, GIF or HEIC/HEIF, when a JPEG or PNG is damaged, or when a video is not MP4 or WebM
     */
    public StoredFile store(long tenantId, String uploadedBy, FileKind kind, String originalName,
            @Nullable String declaredType, InputStream content) {
        String name = cleanName(originalName);
        try {
            Path incoming = Files.createDirectories(root.resolve("incoming"));
            Path temporary = Files.createTempFile(incoming, "upload-", ".part");
            try {
                Received received = receive(content, temporary, maxBytes(kind), name);
                String contentType = switch (kind) {
                    case IMAGE -> ImageTypes.detect(received.header()).orElseThrow(
                            () -> FileRejectedException.notAnImage(name, String.valueOf(declaredType)));
                    case VIDEO -> VideoTypes.detect(received.header()).orElseThrow(
                            () -> FileRejectedException.notAVideo(name, String.valueOf(declaredType)));
                    case DOCUMENT -> cleanType(declaredType);
                };
                if (kind == FileKind.IMAGE && ImageMetadataStripper.strips(contentType)) {
                    received = withoutMetadata(temporary, contentType, name, received.header());
                }
                return place(tenantId, uploadedBy, name, contentType, received, temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (FileRejectedException e) {
            LOG.info("Rejected upload \"{}\" of tenant {} by {}: {}", name, tenantId, uploadedBy, e.messageKey());
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload \"" + name + "\" under " + root, e);
        }
    }

    /** Finds a file of the tenant; empty when the id is unknown or belongs to another tenant. */
    public Optional<StoredFile> find(long tenantId, String id) {
        return jdbc.sql("select * from stored_file where tenant_id = ? and id = ?")
                .params(tenantId, id)
                .query(FileStore::map)
                .optional();
    }

    /** Opens the content of a file found with {@link #find}; the caller closes the stream. */
    public InputStream open(StoredFile file) throws IOException {
        return Files.newInputStream(contentPath(file));
    }

    /**
     * Returns where the content of a file found with {@link #find} lies on disk, for readers that need random
     * access, such as HTTP range requests of a video.
     */
    public Path contentPath(StoredFile file) {
        String storedPath = jdbc.sql("select stored_path from stored_file where tenant_id = ? and id = ?")
                .params(file.tenantId(), file.id())
                .query(String.class)
                .single();
        return root.resolve(storedPath);
    }

    /**
     * Deletes a file of the tenant: first its content on disk, then its {@code stored_file} row. Callers drop their
     * own references to the file in the same transaction before calling this. When that transaction rolls back
     * after the content is gone, the row stays and a repeated call finishes the job.
     *
     * @return false when the tenant has no file with this id
     * @throws UncheckedIOException when the content exists but cannot be deleted; the row then stays
     */
    public boolean delete(long tenantId, String id) {
        Optional<String> storedPath = jdbc.sql("select stored_path from stored_file where tenant_id = ? and id = ?")
                .params(tenantId, id)
                .query(String.class)
                .optional();
        if (storedPath.isEmpty()) {
            return false;
        }
        Path content = root.resolve(storedPath.get());
        try {
            Files.deleteIfExists(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the content of file " + id + " at " + content, e);
        }
        jdbc.sql("delete from stored_file where tenant_id = ? and id = ?").params(tenantId, id).update();
        LOG.info("Deleted file {} of tenant {}", id, tenantId);
        return true;
    }

    private Received receive(InputStream content, Path temporary, long limit, String name) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] header = new byte[Math.max(ImageTypes.HEADER_LENGTH, VideoTypes.HEADER_LENGTH)];
        int headerLength = 0;
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(temporary)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                size += read;
                if (size > limit) {
                    throw FileRejectedException.tooLarge(name, limit);
                }
                int headerPart = Math.min(read, header.length - headerLength);
                System.arraycopy(buffer, 0, header, headerLength, headerPart);
                headerLength += headerPart;
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        return new Received(Arrays.copyOf(header, headerLength), size, HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * Replaces the content of {@code temporary} with the image without its metadata and returns the new size and
     * digest.
     */
    private Received withoutMetadata(Path temporary, String contentType, String name, byte[] header)
            throws IOException {
        Path stripped = Files.createTempFile(temporary.getParent(), "stripped-", ".part");
        try {
            ImageMetadataStripper.strip(temporary, stripped, contentType);
            Files.move(stripped, temporary, StandardCopyOption.REPLACE_EXISTING);
        } catch (ImageMetadataStripper.DamagedImageException e) {
            LOG.info("Image \"{}\" ({}) is damaged: {}", name, contentType, e.getMessage());
            throw FileRejectedException.damagedImage(name, contentType);
        } finally {
            Files.deleteIfExists(stripped);
        }
        MessageDigest sha256 = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream content = Files.newInputStream(temporary)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                sha256.update(buffer, 0, read);
                size += read;
            }
        }
        return new Received(header, size, HexFormat.of().formatHex(sha256.digest()));
    }

    private StoredFile place(long tenantId, String uploadedBy, String name, String contentType, Received received,
            Path temporary) throws IOException {
        String id = newId();
        String storedPath = tenantId + "/" + id.substring(0, 2) + "/" + id;
        Path target = root.resolve(storedPath);
        Files.createDirectories(target.getParent());
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    insert into stored_file (id, tenant_id, original_name, content_type, size_bytes, sha256,
                                             stored_path, uploaded_by, uploaded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, tenantId, name, contentType, received.size(), received.sha256(), storedPath,
                            uploadedBy, Timestamp.from(now))
                    .update();
        } catch (RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        LOG.info("Stored file {} ({}, {} bytes) for tenant {} by {}", id, contentType, received.size(), tenantId,
                uploadedBy);
        return new StoredFile(id, tenantId, name, contentType, received.size(), received.sha256(), uploadedBy, now);
    }

    /** Returns 32 random bytes as URL-safe Base64 without padding: 43 characters that are safe in paths. */
    private String newId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps the last path segment of a device's file name, without control characters, at most 255 chars. */
    private static String cleanName(String originalName) {
        String name = originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > MAX_NAME_LENGTH ? name.substring(name.length() - MAX_NAME_LENGTH) : name;
    }

    private static String cleanType(@Nullable String declaredType) {
        if (declaredType == null) {
            return UNKNOWN_TYPE;
        }
        String type = declaredType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return MEDIA_TYPE.matcher(type).matches() ? type : UNKNOWN_TYPE;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    private static StoredFile map(ResultSet rs, int row) throws SQLException {
        return new StoredFile(rs.getString("id"), rs.getLong("tenant_id"), rs.getString("original_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }

    private record Received(byte[] header, long size, String sha256) {
    }
}
