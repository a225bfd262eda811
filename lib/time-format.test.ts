import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime, isTimeZone } from "./time-format";

const NY = DEFAULT_TIME_ZONE;

describe("formatDateTime", () => {
  it("shows the moment in the plan's zone with the zone's abbreviation", () => {
    expect(formatDateTime(new Date("2026-11-24T14:15:00Z"), NY)).toBe("Nov 24, 2026, 9:15 AM EST");
    expect(formatDateTime(new Date("2026-07-04T16:05:00Z"), NY)).toBe("Jul 4, 2026, 12:05 PM EDT");
    expect(formatDateTime(new Date("2026-11-24T14:15:00Z"), "America/Chicago")).toBe("Nov 24, 2026, 8:15 AM CST");
    expect(formatDateTime(new Date("2026-11-24T14:15:00Z"), "UTC")).toBe("Nov 24, 2026, 2:15 PM UTC");
  });

  it("follows the spring-forward switch (2:00 EST becomes 3:00 EDT on Mar 8, 2026)", () => {
    expect(formatDateTime(new Date("2026-03-08T06:59:00Z"), NY)).toBe("Mar 8, 2026, 1:59 AM EST");
    expect(formatDateTime(new Date("2026-03-08T07:00:00Z"), NY)).toBe("Mar 8, 2026, 3:00 AM EDT");
  });

  it("follows the fall-back switch: the repeated hour is told apart by its zone (Nov 1, 2026)", () => {
    expect(formatDateTime(new Date("2026-11-01T05:30:00Z"), NY)).toBe("Nov 1, 2026, 1:30 AM EDT");
    expect(formatDateTime(new Date("2026-11-01T06:30:00Z"), NY)).toBe("Nov 1, 2026, 1:30 AM EST");
  });

  it("uses plain spaces only (no narrow no-break space before AM/PM)", () => {
    expect(formatDateTime(new Date("2026-11-24T14:15:00Z"), NY)).not.toMatch(/[\u202f\u00a0]/);
  });
});

describe("formatDate", () => {
  it("is the day in the plan's zone: 03:30 UTC on Jan 1 is still Dec 31 in New York", () => {
    const nearMidnight = new Date("2026-01-01T03:30:00Z");
    expect(formatDate(nearMidnight, NY)).toBe("Dec 31, 2025");
    expect(formatDate(nearMidnight, "UTC")).toBe("Jan 1, 2026");
    expect(formatDateTime(nearMidnight, NY)).toBe("Dec 31, 2025, 10:30 PM EST");
  });
});

describe("isTimeZone", () => {
  it("accepts IANA names Intl knows and refuses anything else", () => {
    for (const zone of ["America/New_York", "America/Chicago", "Pacific/Honolulu", "UTC"]) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ["", " ", "Eastern", "America/Nowhere", "EST5EDT/x", "+05:00x"]) expect(isTimeZone(zone)).toBe(false);
  });
});
