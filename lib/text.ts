import { z } from "zod";

/**
 * C0 control characters and DEL. PostgreSQL refuses NUL in text, and none of them belongs in a
 * name, an address or a message; multi-line fields still accept tab, line feed and carriage return.
 */
const CONTROL = /[\u0000-\u001F\u007F\u2028\u2029]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacters(value: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(value);
}

export interface TextFieldOptions {
  /** How the field is named in messages: "First name must be at most 100 characters". */
  name: string;
  max: number;
  /** The message for an empty value; without it the field may be left empty. */
  required?: string;
  /** Fewer characters than this (after trimming) is treated as empty. */
  min?: number;
  multiline?: boolean;
}

/**
 * The one text primitive every form schema uses: trimmed, length-bounded, and refusing control
 * characters with a message on the field, so bad bytes never reach the database.
 */
export function textField({ name, max, required, min = 1, multiline = false }: TextFieldOptions) {
  let s = z.string({ error: required ?? `${name} must be text` }).trim();
  if (required) s = s.min(min, required);
  return s
    .max(max, `${name} must be at most ${max} characters`)
    .refine((v) => !hasControlCharacters(v, { multiline }), `${name} contains characters that are not allowed`);
}

/** The same, for fields that may be absent from the input: missing becomes "". */
export function optionalTextField(options: Omit<TextFieldOptions, "required">) {
  return textField(options).optional().default("");
}
