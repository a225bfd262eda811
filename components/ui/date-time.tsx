import { formatDate, formatDateTime } from "@/lib/time-format";

/**
 * A moment as the portal shows it (lib/time-format): "Nov 24, 2026, 9:15 AM EST" in the plan's
 * zone, or the day alone with `dateOnly`, inside <time dateTime=ISO>. Server pages pass
 * siteConfig().timeZone; client components receive it as a prop from their page.
 */
export function DateTime({ value, timeZone, dateOnly = false }: { value: Date; timeZone: string; dateOnly?: boolean }) {
  return <time dateTime={value.toISOString()}>{dateOnly ? formatDate(value, timeZone) : formatDateTime(value, timeZone)}</time>;
}
