package io.portfolioos.shell.ipc;

/** A method the shell answers itself (settings, secrets, dialogs, system…). */
@FunctionalInterface
public interface LocalHandler<P, R> {
  R handle(P params) throws Exception;
}
