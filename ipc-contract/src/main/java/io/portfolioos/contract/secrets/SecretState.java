package io.portfolioos.contract.secrets;

/** Whether a secret is stored; never its value. */
public record SecretState(String name, boolean stored) {}
