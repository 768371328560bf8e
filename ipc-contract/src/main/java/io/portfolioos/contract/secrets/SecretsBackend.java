package io.portfolioos.contract.secrets;

/**
 * Where the master key lives.
 *
 * @param backend {@code KEYRING} (the OS keyring) or {@code FILE} (a file only the user can read,
 *     used when no keyring is reachable)
 * @param detail a sentence for the user: which keyring, or which file and why
 */
public record SecretsBackend(SecretsBackendKind backend, String detail) {}
