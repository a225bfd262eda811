/** Identifier rules shared by the registry import, registration matching and the access-request form. */

/** True when `npi` is 10 digits whose last is the Luhn check digit over the "80840" prefix. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  return npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}

/** The check digit for the first 9 digits of an NPI (ISO 7812 Luhn with the 80840 card prefix). */
export function npiCheckDigit(first9: string): number {
  const digits = `80840${first9}`;
  let sum = 0;
  // Double every second digit counting from the right of the payload (the check digit is appended).
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Tax ID as its 9 digits ("12-3456789" → "123456789"), or null when it is not 9 digits. */
export function normalizeTaxId(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[\d-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/-/g, "");
  return /^\d{9}$/.test(digits) ? digits : null;
}

/** ZIP or ZIP+4 split into its parts, or null. Accepts "12345", "12345-6789" and "123456789". */
export function parseZip(input: string): { zip5: string; zip4: string | null } | null {
  const m = /^(\d{5})(?:-?(\d{4}))?$/.exec(input.trim());
  return m ? { zip5: m[1]!, zip4: m[2] ?? null } : null;
}

/** Collapses case and runs of spaces so "  mary  ANN " matches "Mary Ann". */
export function normalizeName(input: string): string {
  return input.trim().replace(/\s+/g, " ").toLowerCase();
}
