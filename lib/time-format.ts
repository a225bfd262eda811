/**
 * The one way the portal shows a moment to a person: in the plan's time zone (PORTAL_TIME_ZONE),
 * with the zone named, e.g. "Nov 24, 2026, 9:15 AM EST". Pure (no env, no Node APIs), so server
 * pages, client components and emails share it; the caller passes the zone.
 */

export const DEFAULT_TIME_ZONE = "America/New_York";

/** Whether Intl accepts `zone` as an IANA time zone name ("America/Chicago", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(kind: "dateTime" | "date", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      "en-US",
      kind === "dateTime"
        ? { timeZone, year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }
        : { timeZone, year: "numeric", month: "short", day: "numeric" },
    );
    formats.set(key, f);
  }
  return f;
}

// Newer ICU puts a narrow no-break space before AM/PM; one plain space keeps server and browser
// output identical (no hydration mismatch) and text searchable.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

/** "Nov 24, 2026, 9:15 AM EST": a moment, in `timeZone`, with the zone's abbreviation. */
export function formatDateTime(at: Date, timeZone: string): string {
  return plain(format("dateTime", timeZone).format(at));
}

/** "Nov 24, 2026": the calendar day `at` falls on in `timeZone`, for when a date alone is meant. */
export function formatDate(at: Date, timeZone: string): string {
  return plain(format("date", timeZone).format(at));
}
