/**
 * Removes what must never reach a log line from free text: everything after drizzle's "params:"
 * (the values of a failed query: password and answer hashes, emails, phones, addresses), then any
 * argon2 hash, email address, IP address, bearer token or long digit run that is left.
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/\bparams:[\s\S]*$/i, "params: [redacted]"],
  [/\$argon2(id|i|d)\$[^\s,'"]+/g, "[hash]"],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "[email]"],
  [/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, "[ip]"],
  [/\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b/gi, "[ip]"],
  [/\bBearer\s+\S+/gi, "Bearer [redacted]"],
  [/([?&](?:token|code|password)=)[^&\s]+/gi, "$1[redacted]"],
  [/\b\d{7,}\b/g, "[number]"],
];

export function scrub(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out.length > 2000 ? `${out.slice(0, 2000)}…` : out;
}
