package io.portfolioos.bench.startup;

/** The baseline for start-up: a bare JVM that prints one line and exits. */
public final class Hello {
  private Hello() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
