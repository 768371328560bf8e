package io.portfolioos.shell.state;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** app.sqlite holds chat history and encrypted keys: only its owner may read it. */
final class OwnerOnly {
  private OwnerOnly() {}

  static void createFile(Path file) throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return; // Windows: the user's profile directory is already private
    }
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      // opened before; its permissions are the user's choice by now
    }
  }
}
