import type { ApiError, ErrorCode, Result } from "../generated/api";

/** A failed result with the given code and message. */
export function failure(code: ErrorCode, message: string, field?: string): { ok: false; error: ApiError } {
  const error: ApiError = { code, message };
  if (field !== undefined) error.field = field;
  return { ok: false, error };
}

/** How errors are shown to people: `CODE: message`, never a stack trace. */
export function errorText(error: ApiError): string {
  return `${error.code}: ${error.message}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks that a decoded response body is a well-formed `{ok:true,data}` / `{ok:false,error}`
 * envelope; anything else becomes an INTERNAL failure naming what was wrong.
 */
export function toResult(body: unknown, where: string): Result<unknown> {
  if (!isRecord(body) || typeof body.ok !== "boolean") {
    return failure("INTERNAL", `Malformed response from ${where}`);
  }
  if (body.ok) {
    return { ok: true, data: body.data === undefined ? null : body.data };
  }
  const error = body.error;
  if (!isRecord(error) || typeof error.code !== "string" || typeof error.message !== "string") {
    return failure("INTERNAL", `Malformed error from ${where}`);
  }
  return failure(
    error.code as ErrorCode,
    error.message,
    typeof error.field === "string" ? error.field : undefined,
  );
}

/** Parses JSON text into a Result; never throws. */
export function parseResult(text: string, where: string): Result<unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return failure("INTERNAL", `Response from ${where} is not JSON`);
  }
  return toResult(body, where);
}

/** The envelope in `text`, or null when `text` is not a well-formed envelope. */
export function tryEnvelope(text: string): Result<unknown> | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(body) || typeof body.ok !== "boolean") return null;
  const result = toResult(body, "");
  return !result.ok && result.error.message.startsWith("Malformed") ? null : result;
}
