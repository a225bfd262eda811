// Browser-safe (no database imports), so forms can word a rate limit's wait too.

/** "in 3 minutes" style wording for a retry delay. */
export function describeRetry(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (minutes <= 1) return "in a minute";
  if (minutes < 60) return `in ${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? "in an hour" : `in ${hours} hours`;
}
