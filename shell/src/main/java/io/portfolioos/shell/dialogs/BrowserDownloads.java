package io.portfolioos.shell.dialogs;

import io.portfolioos.contract.dialogs.FileFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The save "dialog" of browser mode, where the shell cannot show one on the user's screen: every
 * export gets a fresh file in this session's downloads folder, and the page downloads it from
 * {@code /downloads/<id>/<name>} once written, so the browser's own download flow asks where to
 * keep it. The id is 128 random bits the page alone learns; the folder is deleted when the app
 * stops.
 */
public final class BrowserDownloads implements SaveDialog, AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path sessionDir;
  private final Map<String, Path> issued = new ConcurrentHashMap<>();

  private BrowserDownloads(Path sessionDir) {
    this.sessionDir = sessionDir;
  }

  /** A new session folder under {@code root} (e.g. {@code <data dir>/downloads}). */
  public static BrowserDownloads create(Path root) throws IOException {
    Files.createDirectories(root);
    return new BrowserDownloads(Files.createTempDirectory(root, "session-", ownerOnly()));
  }

  @Override
  public Optional<Path> choose(String title, String suggestedName, List<FileFilter> filters) {
    String id = newId();
    try {
      Path dir = Files.createDirectory(sessionDir.resolve(id), ownerOnly());
      Path file = dir.resolve(withExtension(suggestedName, filters));
      issued.put(id, file);
      return Optional.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<String> downloadUrl(Path chosen) {
    String id = chosen.getParent().getFileName().toString();
    if (!chosen.equals(issued.get(id))) {
      return Optional.empty();
    }
    String name =
        URLEncoder.encode(chosen.getFileName().toString(), StandardCharsets.UTF_8)
            .replace("+", "%20");
    return Optional.of("/downloads/" + id + "/" + name);
  }

  /** The written file behind a download id, if this session issued it and the export wrote it. */
  public Optional<Path> written(String id) {
    Path file = issued.get(id);
    return file != null && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** The user's name, with the first filter's extension added when it has none of the filters'. */
  static String withExtension(String name, List<FileFilter> filters) {
    if (filters.isEmpty()) {
      return name;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (FileFilter f : filters) {
      for (String ext : f.extensions()) {
        if (lower.endsWith("." + ext.toLowerCase(Locale.ROOT))) {
          return name;
        }
      }
    }
    return name + "." + filters.getFirst().extensions().getFirst();
  }

  @Override
  public void close() throws IOException {
    if (!Files.exists(sessionDir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(sessionDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String newId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static FileAttribute<?>[] ownerOnly() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
        }
        : new FileAttribute<?>[0];
  }
}
