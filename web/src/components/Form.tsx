import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { ApiError } from "../generated/api";
import { errorText } from "../ipc/result";

/**
 * The form field a server error names: exact match first, then the last path segment
 * (`params.baseUrl` / `sources[0].baseUrl` → `baseUrl`).
 */
export function matchField(serverField: string | undefined, fields: readonly string[]): string | null {
  if (!serverField) return null;
  if (fields.includes(serverField)) return serverField;
  const last = serverField.split(/[.[\]]/).filter(Boolean).pop();
  return last && fields.includes(last) ? last : null;
}

export type FieldErrors = Readonly<Record<string, string>>;

/** Inline errors for a form: client-side checks and the server's `error.field`. */
export function useFieldErrors(fields: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  return {
    errors,
    formError,
    clear() {
      setErrors({});
      setFormError(null);
    },
    /** Shows client-side errors; returns true when there are none. */
    check(found: FieldErrors): boolean {
      setErrors(found);
      setFormError(null);
      return Object.keys(found).length === 0;
    },
    /** Puts a server error next to its input, or above the form when it names no known field. */
    fromServer(error: ApiError) {
      const field = matchField(error.field, fields);
      if (field) {
        setErrors({ [field]: error.message });
        setFormError(null);
      } else {
        setErrors({});
        setFormError(errorText(error));
      }
    },
  };
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  type?: "text" | "password" | "url" | "number";
  autoComplete?: string;
  testId?: string;
  disabled?: boolean;
  /** Visually hide the label (it stays the input's accessible name). */
  hideLabel?: boolean;
}

export function TextField(props: TextFieldProps) {
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(" ");
  return (
    <div class={props.error ? "field invalid" : "field"}>
      <label for={props.id} class={props.hideLabel ? "visually-hidden" : undefined}>
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.id}
        type={(props.type ?? "text") as "text"}
        disabled={props.disabled}
        value={props.value}
        autoComplete={props.autoComplete ?? "off"}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy || undefined}
        data-testid={props.testId}
        onInput={(e) => props.onValue((e.currentTarget as HTMLInputElement).value)}
      />
      {props.hint && (
        <p id={hintId} class="field-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} class="field-error" data-testid={props.testId ? `${props.testId}-error` : undefined}>
          {props.error}
        </p>
      )}
    </div>
  );
}

export function FormError({ message, testId }: { message: string | null; testId?: string }): ComponentChildren {
  if (!message) return null;
  return (
    <p class="form-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  hint?: string;
  testId?: string;
  disabled?: boolean;
}

/** A labelled select with the same hint and error layout as `TextField`. */
export function SelectField(props: SelectFieldProps) {
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(" ");
  return (
    <div class={props.error ? "field invalid" : "field"}>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy || undefined}
        data-testid={props.testId}
        onChange={(e) => props.onValue((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.hint && (
        <p id={hintId} class="field-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} class="field-error" data-testid={props.testId ? `${props.testId}-error` : undefined}>
          {props.error}
        </p>
      )}
    </div>
  );
}
