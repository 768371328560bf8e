package io.portfolioos.contract;

/** Which process answers a method: the shell itself, or the sidecar it forwards to. */
public enum Owner {
  SHELL,
  SIDECAR
}
