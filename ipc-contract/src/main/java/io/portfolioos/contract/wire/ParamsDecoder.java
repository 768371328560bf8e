package io.portfolioos.contract.wire;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.InvalidParamsException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a request's {@code params} into its contract record, or an {@link InvalidParamsException}
 * that names the offending field. Accepts by-name (object) and by-position (array) params, as
 * JSON-RPC 2.0 allows; absent params mean an empty object.
 */
public final class ParamsDecoder {
  private ParamsDecoder() {}

  public static <P> P decode(@Nullable JsonNode params, Class<P> type) {
    JsonNode named = byName(params, type);
    try {
      return Json.MAPPER.treeToValue(named, type);
    } catch (ValueInstantiationException e) {
      InvalidParamsException inner = findInvalidParams(e);
      if (inner != null) {
        String prefix = pathOf(e.getPath(), 0);
        String field = inner.field();
        throw prefix.isEmpty() || field == null
            ? inner
            : new InvalidParamsException(prefix + "." + field, innerMessage(inner));
      }
      throw new InvalidParamsException(orParams(pathOf(e.getPath(), 0)), "is not valid");
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidParamsException(orParams(pathOf(e.getPath(), 0)), "is not a known field");
    } catch (MismatchedInputException e) {
      String expected = e.getTargetType() == null ? "a value" : describe(e.getTargetType());
      throw new InvalidParamsException(orParams(pathOf(e.getPath(), 0)), "must be " + expected);
    } catch (JsonMappingException e) {
      throw new InvalidParamsException(orParams(pathOf(e.getPath(), 0)), "is not valid");
    } catch (JacksonException e) {
      throw new InvalidParamsException("params", "could not be read");
    }
  }

  private static JsonNode byName(@Nullable JsonNode params, Class<?> type) {
    if (params == null || params.isNull() || params.isMissingNode()) {
      return Json.MAPPER.createObjectNode();
    }
    if (params.isObject()) {
      return params;
    }
    if (params.isArray()) {
      RecordComponent[] components = type.getRecordComponents();
      ArrayNode array = (ArrayNode) params;
      if (array.size() > components.length) {
        throw new InvalidParamsException(
            "params", "takes at most " + components.length + " positional values");
      }
      ObjectNode named = Json.MAPPER.createObjectNode();
      for (int i = 0; i < array.size(); i++) {
        named.set(components[i].getName(), array.get(i));
      }
      return named;
    }
    throw new InvalidParamsException("params", "must be an object or an array");
  }

  private static @Nullable InvalidParamsException findInvalidParams(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidParamsException ipe) {
        return ipe;
      }
    }
    return null;
  }

  private static String innerMessage(InvalidParamsException e) {
    String m = e.getMessage();
    String field = e.field();
    return field != null && m != null && m.startsWith(field + ": ")
        ? m.substring(field.length() + 2)
        : String.valueOf(m);
  }

  private static String orParams(String path) {
    return path.isEmpty() ? "params" : path;
  }

  static String pathOf(List<JsonMappingException.Reference> refs, int skip) {
    StringBuilder sb = new StringBuilder();
    for (int i = skip; i < refs.size(); i++) {
      JsonMappingException.Reference r = refs.get(i);
      if (r.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String describe(Class<?> type) {
    if (type == String.class || type.isEnum()) {
      return type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "a string";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type.getSimpleName().startsWith("Local") || type.getSimpleName().equals("Instant")) {
      return "an ISO date";
    }
    return "an object";
  }
}
