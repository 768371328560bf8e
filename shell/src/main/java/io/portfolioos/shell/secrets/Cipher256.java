package io.portfolioos.shell.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under the master key, a fresh 96-bit nonce per encryption. The secret's name is the
 * associated data, so a ciphertext copied onto another name's row fails to decrypt.
 */
final class Cipher256 {
  static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  Cipher256(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("the master key must be 256 bits");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  static byte[] newKey() {
    byte[] k = new byte[KEY_BYTES];
    RANDOM.nextBytes(k);
    return k;
  }

  record Sealed(byte[] nonce, byte[] ciphertext) {}

  Sealed seal(String name, String plaintext) throws GeneralSecurityException {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
    c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
    byte[] text = plaintext.getBytes(StandardCharsets.UTF_8);
    try {
      return new Sealed(nonce, c.doFinal(text));
    } finally {
      Arrays.fill(text, (byte) 0);
    }
  }

  String open(String name, byte[] nonce, byte[] ciphertext) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
    c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
    return new String(c.doFinal(ciphertext), StandardCharsets.UTF_8);
  }

  /** A value derived from the key that reveals nothing of it: which key sealed the stored rows. */
  byte[] keyCheck() throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
    return mac.doFinal("PortfolioOS master key check v1".getBytes(StandardCharsets.US_ASCII));
  }
}
