/** US phone numbers for SMS codes: stored as E.164 (+1XXXXXXXXXX), shown as (XXX) XXX-XXXX. */
export function normalizeUsPhone(input: string): string | null {
  let digits = input.replace(/[\s().+-]/g, "");
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 11 && digits.startsWith("1")) digits = digits.slice(1);
  // NANP: area code and exchange cannot start with 0 or 1.
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return null;
  return `+1${digits}`;
}

export function formatUsPhone(e164: string): string {
  const d = e164.replace(/^\+1/, "");
  return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
}

/** "(•••) •••-1234": what pages show of a number. */
export function maskPhone(e164: string): string {
  return `(•••) •••-${e164.slice(-4)}`;
}
