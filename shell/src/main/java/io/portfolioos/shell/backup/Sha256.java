package io.portfolioos.shell.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies a stream while hashing it, so each archive entry is read once. */
final class Sha256 {
  private Sha256() {}

  record Copied(long bytes, String sha256) {}

  static Copied copy(InputStream in, OutputStream out) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    byte[] buf = new byte[1 << 20];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      sha.update(buf, 0, n);
      out.write(buf, 0, n);
      total += n;
    }
    return new Copied(total, HexFormat.of().formatHex(sha.digest()));
  }
}
