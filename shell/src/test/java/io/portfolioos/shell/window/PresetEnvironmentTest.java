package io.portfolioos.shell.window;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The variables Chromium would add from its own threads are in the native environment before it
 * starts (System.getenv is a copy taken at JVM start, so the check reads the C library's).
 */
class PresetEnvironmentTest {
  @Test
  void setsWhatChromiumWouldAddAndKeepsASessionBus() throws Throwable {
    String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
    CefRuntime.presetEnvironment();
    assertThat(nativeGetenv("FC_FONTATIONS")).isEqualTo("1");
    assertThat(nativeGetenv("DBUS_SESSION_BUS_ADDRESS")).isEqualTo(bus == null ? "disabled:" : bus);
  }

  private static @Nullable String nativeGetenv(String name) throws Throwable {
    Linker linker = Linker.nativeLinker();
    MethodHandle getenv =
        linker.downcallHandle(
            linker.defaultLookup().find("getenv").orElseThrow(),
            FunctionDescriptor.of(ADDRESS, ADDRESS));
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment value = (MemorySegment) getenv.invokeExact(arena.allocateFrom(name));
      return value.equals(MemorySegment.NULL)
          ? null
          : value.reinterpret(Long.MAX_VALUE).getString(0);
    }
  }
}
