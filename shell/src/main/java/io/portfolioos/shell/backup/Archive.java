package io.portfolioos.shell.backup;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.data.BackupEntry;
import io.portfolioos.contract.data.BackupManifest;
import io.portfolioos.contract.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
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
 * a backup file is complete or absent. Read back entry by entry into a staging folder, each hashed
 * on the way and compared to the manifest: one flipped byte anywhere refuses the whole archive.
 */
final class Archive {
  static final String MANIFEST = "manifest.json";
  static final String ANALYTICS = "analytics.duckdb";
  static final String APP = "app.sqlite";
  private static final Set<String> KNOWN = Set.of(ANALYTICS, APP);

  private Archive() {}

  /** Zips {@code files} (name → file) under {@code manifest}; answers the archive's size. */
  static long write(Path target, BackupManifest manifest, List<Path> files) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
    try {
      try (OutputStream raw = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
          ZipOutputStream zip = new ZipOutputStream(raw)) {
        zip.setLevel(1); // database pages compress well even at the fastest level
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        for (Path f : files) {
          zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
          Files.copy(f, zip);
          zip.closeEntry();
        }
      }
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
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
