package io.portfolioos.shell.secrets;

import io.portfolioos.contract.secrets.SecretsBackendKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The fallback when no OS keyring is reachable: the master key in a file only the user can read
 * (0600). Written to a temp file with those permissions from the start, then moved into place, so
 * the key is never readable by others even for a moment.
 */
final class KeyFileHome implements MasterKeyHome {
  static final String FILE_NAME = "master.key";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path file;
  private final String why;

  /**
   * @param why why the keyring was not used, for the user
   */
  KeyFileHome(Path dataDir, String why) {
    this.file = dataDir.resolve(FILE_NAME);
    this.why = why;
  }

  Path file() {
    return file;
  }

  @Override
  public Optional<byte[]> load() throws MasterKeyException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY); // someone widened it; narrow it again
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return Optional.of(Base64.getDecoder().decode(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new MasterKeyException("the master key file " + file + " could not be read", e);
    }
  }

  @Override
  public void store(byte[] key) throws MasterKeyException {
    try {
      Path dir = file.getParent();
      Files.createDirectories(dir);
      Path tmp =
          posix()
              ? Files.createTempFile(
                  dir, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
              : Files.createTempFile(dir, FILE_NAME, ".tmp");
      try {
        Files.writeString(
            tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new MasterKeyException("the master key file " + file + " could not be written", e);
    }
  }

  @Override
  public void delete() throws MasterKeyException {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new MasterKeyException("the master key file " + file + " could not be deleted", e);
    }
  }

  @Override
  public SecretsBackendKind kind() {
    return SecretsBackendKind.FILE;
  }

  @Override
  public String describe() {
    return "Master key file: " + file + " (only you can read it). No keyring: " + why;
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
