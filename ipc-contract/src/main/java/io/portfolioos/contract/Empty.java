package io.portfolioos.contract;

/** The params of a method that takes none ({@code {}} or absent on the wire). */
public record Empty() {
  public static final Empty INSTANCE = new Empty();
}
