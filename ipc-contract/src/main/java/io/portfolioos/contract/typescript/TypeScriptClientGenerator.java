package io.portfolioos.contract.typescript;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portfolioos.contract.Contract;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.Method;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes the web UI's typed client ({@code web/src/generated/api.ts}) from the {@link Contract}
 * registry: one interface per record, one union per enum, and {@code createApi(transport)} whose
 * nested object mirrors the dotted method names ({@code api.ledger.holdings(params)}).
 */
public final class TypeScriptClientGenerator {
  private final Map<String, Class<?>> declared = new TreeMap<>();
  private final Deque<Class<?>> pending = new ArrayDeque<>();

  private TypeScriptClientGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: TypeScriptClientGenerator <output api.ts>");
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, generate(), StandardCharsets.UTF_8);
  }

  /** The whole file, deterministic for a given registry. */
  public static String generate() {
    return new TypeScriptClientGenerator().render(Contract.ALL);
  }

  private String render(List<Method<?, ?>> methods) {
    Map<String, String> signatures = new LinkedHashMap<>();
    for (Method<?, ?> m : methods) {
      String optional = allOptional(m.params()) ? " = {}" : "";
      signatures.put(m.name(), tsType(m.params()) + optional + "|" + tsType(m.result()));
    }
    StringBuilder types = new StringBuilder();
    while (!pending.isEmpty()) {
      Class<?> c = pending.pop();
      types.append(c.isEnum() ? renderEnum(c) : renderRecord(c));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("// Generated from the IPC contract (ipc-contract) by TypeScriptClientGenerator.\n");
    sb.append("// Do not edit: run ./mvnw -q -pl ipc-contract compile exec:java@update-ts\n\n");
    sb.append("export const CONTRACT_VERSION = ").append(quote(Contract.VERSION)).append(";\n\n");
    sb.append("/** An exact decimal, sent as a string so no float ever rounds it. */\n");
    sb.append("export type Decimal = string;\n/** An ISO-8601 date, YYYY-MM-DD. */\n");
    sb.append("export type IsoDate = string;\n/** An ISO-8601 instant. */\n");
    sb.append("export type IsoInstant = string;\n\n");
    sb.append("export type ErrorCode =\n");
    sb.append(
        Arrays.stream(ErrorCode.values())
            .map(c -> "  | " + quote(c.name()))
            .collect(Collectors.joining("\n")));
    sb.append(";\n\n");
    sb.append(
        """
        export interface ApiError {
          code: ErrorCode;
          message: string;
          field?: string;
        }

        export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

        export interface Progress {
          done: number;
          total: number;
          message?: string | null;
        }

        export interface CallOptions {
          signal?: AbortSignal;
          onProgress?: (progress: Progress) => void;
        }

        export type Transport = (
          method: MethodName,
          params: unknown,
          options?: CallOptions,
        ) => Promise<Result<unknown>>;

        """);
    sb.append(types);
    sb.append("export const METHODS = {\n");
    for (Method<?, ?> m : methods) {
      sb.append("  ")
          .append(quote(m.name()))
          .append(": { kind: ")
          .append(quote(m.kind().name().toLowerCase(java.util.Locale.ROOT)))
          .append(", owner: ")
          .append(quote(m.owner().name().toLowerCase(java.util.Locale.ROOT)))
          .append(", timeoutMs: ")
          .append(m.timeout().toMillis())
          .append(" },\n");
    }
    sb.append("} as const;\n\nexport type MethodName = keyof typeof METHODS;\n\n");
    sb.append("export function createApi(transport: Transport) {\n");
    sb.append(
        "  const call = <T>(method: MethodName, params: unknown, options?: CallOptions) =>\n");
    sb.append("    transport(method, params, options) as Promise<Result<T>>;\n");
    sb.append("  return ");
    renderTree(sb, tree(methods), signatures, "  ");
    sb.append(";\n}\n\nexport type Api = ReturnType<typeof createApi>;\n");
    return sb.toString();
  }

  private static Map<String, Object> tree(List<Method<?, ?>> methods) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Method<?, ?> m : methods) {
      String[] parts = m.name().split("\\.");
      Map<String, Object> node = root;
      for (int i = 0; i < parts.length - 1; i++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> child =
            (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
        node = child;
      }
      node.put(parts[parts.length - 1], m.name());
    }
    return root;
  }

  private static void renderTree(
      StringBuilder sb, Map<String, Object> node, Map<String, String> signatures, String indent) {
    sb.append("{\n");
    for (Map.Entry<String, Object> e : node.entrySet()) {
      sb.append(indent).append("  ").append(e.getKey()).append(": ");
      if (e.getValue() instanceof String name) {
        String[] sig = signatures.get(name).split("\\|", 2);
        sb.append("(params: ")
            .append(sig[0])
            .append(", options?: CallOptions) =>\n")
            .append(indent)
            .append("    call<")
            .append(sig[1])
            .append(">(")
            .append(quote(name))
            .append(", params, options),\n");
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) e.getValue();
        renderTree(sb, child, signatures, indent + "  ");
        sb.append(",\n");
      }
    }
    sb.append(indent).append("}");
  }

  /** A params record whose every field is optional may be omitted by the caller. */
  private static boolean allOptional(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .allMatch(rc -> rc.getAnnotatedType().isAnnotationPresent(Nullable.class));
  }

  private String renderRecord(Class<?> c) {
    StringBuilder sb = new StringBuilder("export interface ").append(c.getSimpleName());
    RecordComponent[] components = c.getRecordComponents();
    if (components.length == 0) {
      return sb.append(" {}\n\n").toString();
    }
    sb.append(" {\n");
    for (RecordComponent rc : components) {
      boolean optional = rc.getAnnotatedType().isAnnotationPresent(Nullable.class);
      sb.append("  ").append(rc.getName()).append(optional ? "?: " : ": ");
      sb.append(tsType(rc.getGenericType())).append(optional ? " | null" : "").append(";\n");
    }
    return sb.append("}\n\n").toString();
  }

  private static String renderEnum(Class<?> c) {
    String values =
        Arrays.stream(c.getEnumConstants())
            .map(v -> quote(wireName(c, (Enum<?>) v)))
            .collect(Collectors.joining(" | "));
    return "export type " + c.getSimpleName() + " = " + values + ";\n\n";
  }

  /** The constant's JSON name: its {@code @JsonProperty} when it has one (e.g. {@code 401K}). */
  private static String wireName(Class<?> c, Enum<?> v) {
    try {
      JsonProperty p = c.getField(v.name()).getAnnotation(JsonProperty.class);
      return p == null ? v.name() : p.value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  private String tsType(Type t) {
    if (t instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw instanceof Class<?> rc && Collection.class.isAssignableFrom(rc)) {
        return wrapArray(tsType(args[0]));
      }
      if (raw instanceof Class<?> rc && Map.class.isAssignableFrom(rc)) {
        return "Record<string, " + tsType(args[1]) + ">";
      }
      throw new IllegalStateException("unsupported generic type in contract: " + t);
    }
    if (!(t instanceof Class<?> c)) {
      throw new IllegalStateException("unsupported type in contract: " + t);
    }
    if (c == String.class || c == char.class) {
      return "string";
    }
    if (c == BigDecimal.class || c == BigInteger.class) {
      return "Decimal";
    }
    if (c == LocalDate.class) {
      return "IsoDate";
    }
    if (c == Instant.class || c == LocalDateTime.class) {
      return "IsoInstant";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "boolean";
    }
    if (c.isPrimitive() || Number.class.isAssignableFrom(c)) {
      return "number";
    }
    if (c.isArray()) {
      return wrapArray(tsType(c.getComponentType()));
    }
    if (c.getName().startsWith("com.fasterxml.jackson.databind.")) {
      return "unknown";
    }
    if (c.isRecord() || c.isEnum()) {
      declare(c);
      return c.getSimpleName();
    }
    throw new IllegalStateException("contract types must be records, enums or values: " + c);
  }

  private static String wrapArray(String element) {
    return element.contains(" ") ? "(" + element + ")[]" : element + "[]";
  }

  private void declare(Class<?> c) {
    Class<?> existing = declared.putIfAbsent(c.getSimpleName(), c);
    if (existing == null) {
      pending.add(c);
    } else if (existing != c) {
      throw new IllegalStateException(
          "two contract types share the name " + c.getSimpleName() + ": " + existing + ", " + c);
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
