package io.portfolioos.sidecar;

/**
 * The sidecar's documented exit codes (also in the README). The shell's supervisor reads them: a
 * locked data dir or a broken database is not worth restarting for.
 */
enum ExitCode {
  /** stdin closed and everything shut down cleanly. */
  OK(0),
  /** Bad command line. */
  USAGE(2),
  /** Another sidecar holds the data dir. */
  DATA_DIR_LOCKED(3),
  /** The database could not be opened or migrated. */
  DATABASE_FAILED(4),
  /** The data dir could not be created or written. */
  DATA_DIR_UNUSABLE(5);

  final int code;

  ExitCode(int code) {
    this.code = code;
  }
}
