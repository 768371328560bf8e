package io.portfolioos.shell.backup;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.data.BackupEntry;
import io.portfolioos.contract.data.BackupManifest;
import io.portfolioos.contract.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The backup file: a zip of {@code manifest.json} and the database files it lists with their
 * SHA-256. Written to a hidden temporary file beside the target, flushed, then renamed over it, so
 * a backup file is complete or absent.
 *
 * <p>The zip's comment, the last bytes of the file, is {@code sha256:<hex>} of every byte before
 * it: java.util.zip ignores CRCs and local headers when it reads through the central directory, so
 * without it a flipped byte in a header could pass. On reading, that whole-file checksum is checked
 * first, then every entry is hashed on its way into the staging folder and compared with the
 * manifest.
 */
final class Archive {
  static final String MANIFEST = "manifest.json";
  static final String ANALYTICS = "analytics.duckdb";
  static final String APP = "app.sqlite";
  private static final Set<String> KNOWN = Set.of(ANALYTICS, APP);
  private static final String SEAL_PREFIX = "sha256:";
  private static final int SEAL_LENGTH = SEAL_PREFIX.length() + 64;

  private Archive() {}

  /** Zips {@code files} (name → file) under {@code manifest}; answers the archive's size. */
  static long write(Path target, BackupManifest manifest, List<Path> files) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
    try {
      try (OutputStream raw = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
          ZipOutputStream zip = new ZipOutputStream(raw)) {
        zip.setLevel(1); // database pages compress well even at the fastest level
        zip.setComment(SEAL_PREFIX + "0".repeat(64));
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        for (Path f : files) {
          zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
          Files.copy(f, zip);
          zip.closeEntry();
        }
      }
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        long sealAt = ch.size() - SEAL_LENGTH;
        String seal = SEAL_PREFIX + hashPrefix(ch, sealAt);
        ch.write(ByteBuffer.wrap(seal.getBytes(StandardCharsets.US_ASCII)), sealAt);
        ch.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(dir);
      return Files.size(target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Extracts the archive's database files into {@code staging} after checking every one against the
   * manifest; answers the manifest. Refuses (INVALID_PARAMS on {@code path}) a damaged, incomplete
   * or foreign archive before anything outside {@code staging} is touched.
   */
  static BackupManifest extract(Path archive, Path staging) throws IOException {
    checkSeal(archive);
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ZipEntry m = zip.getEntry(MANIFEST);
      if (m == null) {
        throw damaged("it has no " + MANIFEST + " (not a PortfolioOS backup)");
      }
      BackupManifest manifest;
      try (InputStream in = zip.getInputStream(m)) {
        manifest = Json.MAPPER.readValue(in, BackupManifest.class);
      } catch (IOException e) {
        throw damaged("its manifest cannot be read (" + e.getMessage() + ")");
      }
      if (manifest.format() != BackupManifest.FORMAT) {
        throw new RpcException(
            ErrorCode.UNSUPPORTED,
            "the backup has archive format "
                + manifest.format()
                + " (made by PortfolioOS "
                + manifest.appVersion()
                + "); this version reads format "
                + BackupManifest.FORMAT
                + ". Update PortfolioOS to restore it.",
            "path");
      }
      Set<String> seen = new HashSet<>();
      for (BackupEntry e : manifest.entries()) {
        if (!KNOWN.contains(e.name()) || !seen.add(e.name())) {
          throw damaged("its manifest lists an unexpected file " + e.name());
        }
        ZipEntry z = zip.getEntry(e.name());
        if (z == null) {
          throw damaged(e.name() + " is missing");
        }
        Sha256.Copied got;
        try (InputStream in = zip.getInputStream(z);
            OutputStream out =
                Files.newOutputStream(staging.resolve(e.name()), StandardOpenOption.CREATE_NEW)) {
          got = Sha256.copy(in, out);
        }
        if (got.bytes() != e.bytes() || !got.sha256().equals(e.sha256())) {
          throw damaged(e.name() + " does not match its checksum");
        }
      }
      if (!seen.contains(ANALYTICS)) {
        throw damaged("it holds no " + ANALYTICS);
      }
      return manifest;
    } catch (ZipException e) {
      throw damaged("it is not a readable zip (" + e.getMessage() + ")");
    }
  }

  private static void checkSeal(Path archive) throws IOException {
    try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.READ)) {
      long sealAt = ch.size() - SEAL_LENGTH;
      if (sealAt < 0) {
        throw damaged("it is too short to be a PortfolioOS backup");
      }
      ByteBuffer tail = ByteBuffer.allocate(SEAL_LENGTH);
      while (tail.hasRemaining() && ch.read(tail, sealAt + tail.position()) > 0) {
        // read the whole seal
      }
      String seal = new String(tail.array(), StandardCharsets.US_ASCII);
      if (!seal.startsWith(SEAL_PREFIX)) {
        throw damaged("it does not end with its checksum (not a PortfolioOS backup)");
      }
      if (!seal.substring(SEAL_PREFIX.length()).equals(hashPrefix(ch, sealAt))) {
        throw damaged("the file does not match its checksum");
      }
    }
  }

  /** SHA-256 (hex) of the first {@code length} bytes of the file. */
  private static String hashPrefix(FileChannel ch, long length) throws IOException {
    InputStream in = Channels.newInputStream(ch.position(0));
    Sha256.Copied c = Sha256.copy(new BoundedInput(in, length), OutputStream.nullOutputStream());
    if (c.bytes() != length) {
      throw new IOException("short read while checksumming");
    }
    return c.sha256();
  }

  /** The first {@code limit} bytes of a stream; the channel stays open for the caller. */
  private static final class BoundedInput extends InputStream {
    private final InputStream in;
    private long left;

    BoundedInput(InputStream in, long limit) {
      this.in = in;
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  private static RpcException damaged(String why) {
    return new RpcException(
        ErrorCode.INVALID_PARAMS,
        "path: the backup is damaged and was not restored: " + why,
        "path");
  }

  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // folders cannot be opened on Windows; the rename is atomic all the same
    }
  }
}
