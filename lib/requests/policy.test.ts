import { describe, expect, it } from "vitest";
import { DAY, HOUR, MINUTE } from "@/lib/clock";
import { effectiveStatus, isAutoDenied, timeLeftText } from "./policy";
import { accessRequestSchema, approveSchema, denySchema } from "./schemas";

const now = new Date("2026-11-10T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("the 5-day rule", () => {
  it("4 days 23 hours is pending; exactly 5 days and later is denied", () => {
    expect(effectiveStatus({ status: "pending", createdAt: ago(4 * DAY + 23 * HOUR) }, now)).toBe("pending");
    expect(effectiveStatus({ status: "pending", createdAt: ago(5 * DAY - 1) }, now)).toBe("pending");
    expect(effectiveStatus({ status: "pending", createdAt: ago(5 * DAY) }, now)).toBe("denied");
    expect(effectiveStatus({ status: "pending", createdAt: ago(30 * DAY) }, now)).toBe("denied");
  });

  it("leaves decided requests as they were decided", () => {
    expect(effectiveStatus({ status: "approved", createdAt: ago(30 * DAY) }, now)).toBe("approved");
    expect(effectiveStatus({ status: "denied", createdAt: ago(1 * HOUR) }, now)).toBe("denied");
  });

  it("tells automatic denials from an administrator's", () => {
    expect(isAutoDenied({ status: "pending", createdAt: ago(5 * DAY), decidedAutomatically: null }, now)).toBe(true);
    expect(isAutoDenied({ status: "denied", createdAt: ago(5 * DAY), decidedAutomatically: "cron" }, now)).toBe(true);
    expect(isAutoDenied({ status: "denied", createdAt: ago(1 * DAY), decidedAutomatically: null }, now)).toBe(false);
    expect(isAutoDenied({ status: "pending", createdAt: ago(1 * DAY), decidedAutomatically: null }, now)).toBe(false);
  });

  it("words the time left", () => {
    expect(timeLeftText(ago(3 * DAY - HOUR), now)).toBe("auto-denies in 2 days");
    expect(timeLeftText(ago(4 * DAY), now)).toBe("auto-denies in 1 day");
    expect(timeLeftText(ago(4 * DAY + 23 * HOUR), now)).toBe("auto-denies in 1 hour");
    expect(timeLeftText(ago(5 * DAY - 90_000), now)).toBe("auto-denies in 2 minutes");
    expect(timeLeftText(ago(5 * DAY - 10 * MINUTE), now)).toBe("auto-denies in 10 minutes");
    expect(timeLeftText(ago(5 * DAY), now)).toBe("auto-denied");
  });
});

const valid = {
  program: "medicaid",
  state: "OH",
  npi: "1234567893",
  providerId: "",
  providerName: "",
  firstName: "Rosa",
  lastName: "Diaz",
  positionTitle: "Billing Manager",
  email: "Rosa@Example.org ",
  confirmEmail: "rosa@example.org",
  phoneArea: "614",
  phonePrefix: "555",
  phoneLine: "0100",
  phoneExtension: "",
  reason: "I handle claims for this office.",
  website: "",
};
const errorsOf = (input: object) => {
  const r = accessRequestSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("the Request Access form rules", () => {
  it("accepts a complete request and normalizes the email", () => {
    const r = accessRequestSchema.parse(valid);
    expect(r.email).toBe("rosa@example.org");
    expect(r.reason).toBe(valid.reason);
  });

  it("requires a State for Medicaid and Both, not for Medicare", () => {
    expect(errorsOf({ ...valid, state: "" })).toEqual({ state: "Choose a State for Medicaid" });
    expect(errorsOf({ ...valid, program: "both", state: "" })).toEqual({ state: "Choose a State for Medicaid" });
    expect(errorsOf({ ...valid, program: "medicare", state: "" })).toEqual({});
    expect(errorsOf({ ...valid, state: "XX" })).toEqual({ state: "Choose a State from the list" });
    expect(errorsOf({ ...valid, program: "dental" })).toHaveProperty("program", "Choose a Program");
  });

  it("limits the reason to 500 characters", () => {
    expect(errorsOf({ ...valid, reason: "x".repeat(500) })).toEqual({});
    expect(errorsOf({ ...valid, reason: "x".repeat(501) })).toEqual({ reason: "Reason must be at most 500 characters" });
    expect(errorsOf({ ...valid, reason: "   " })).toEqual({ reason: "Enter the reason for requesting access" });
  });

  it("wants a 3-3-4 digit phone and a numeric extension", () => {
    expect(errorsOf({ ...valid, phoneArea: "61" })).toHaveProperty("phoneArea");
    expect(errorsOf({ ...valid, phonePrefix: "5a5" })).toHaveProperty("phonePrefix");
    expect(errorsOf({ ...valid, phoneLine: "01000" })).toHaveProperty("phoneLine");
    expect(errorsOf({ ...valid, phoneExtension: "12x" })).toEqual({ phoneExtension: "Extn must be at most 6 digits" });
    expect(errorsOf({ ...valid, phoneExtension: "1234" })).toEqual({});
  });

  it("wants the confirmed email to match", () => {
    expect(errorsOf({ ...valid, confirmEmail: "rosa@example.com" })).toEqual({ confirmEmail: "Emails do not match" });
    expect(errorsOf({ ...valid, email: "not-an-email", confirmEmail: "not-an-email" })).toHaveProperty("email");
  });

  it("needs an NPI, a chosen provider or a provider name, and NPIs of 10 digits", () => {
    expect(errorsOf({ ...valid, npi: "" })).toHaveProperty("npi");
    expect(errorsOf({ ...valid, npi: "", providerName: "Buckeye Family Medicine" })).toEqual({});
    expect(errorsOf({ ...valid, npi: "12345" })).toEqual({ npi: "NPI must be 10 digits" });
  });

  it("names every problem of an empty form at once, the cross-field ones included", () => {
    expect(Object.keys(errorsOf({})).sort()).toEqual(["confirmEmail", "email", "firstName", "lastName", "npi", "phoneArea", "phoneLine", "phonePrefix", "positionTitle", "program", "reason"]);
    // With other fields wrong, the State and email-match rules still speak.
    const e = errorsOf({ ...valid, firstName: "", state: "", confirmEmail: "other@example.org" });
    expect(e).toEqual({ firstName: "Enter your first name", state: "Choose a State for Medicaid", confirmEmail: "Emails do not match" });

    // Not a form at all: refused, never a crash.
    for (const junk of [null, undefined, "text", 42, [valid]]) expect(accessRequestSchema.safeParse(junk).success).toBe(false);
  });

  it("requires every requestor detail and bounds each", () => {
    const e = errorsOf({ ...valid, firstName: "", lastName: " ", positionTitle: "", email: "", confirmEmail: "" });
    expect(Object.keys(e).sort()).toEqual(["confirmEmail", "email", "firstName", "lastName", "positionTitle"]);
    expect(errorsOf({ ...valid, firstName: "x".repeat(101) })).toHaveProperty("firstName");
  });
});

describe("approve and deny input", () => {
  it("needs a role, known permissions, and at least one for a user", () => {
    expect(approveSchema.safeParse({ role: "user", permissions: ["claims_view"] }).success).toBe(true);
    expect(approveSchema.safeParse({ role: "admin", permissions: [] }).success).toBe(true);
    expect(approveSchema.safeParse({ role: "user", permissions: [] }).success).toBe(false);
    expect(approveSchema.safeParse({ role: "user", permissions: ["launch_missiles"] }).success).toBe(false);
    expect(approveSchema.safeParse({ role: "owner", permissions: [] }).success).toBe(false);
    expect(denySchema.safeParse({ reason: "x".repeat(501) }).success).toBe(false);
    expect(denySchema.parse({})).toEqual({ reason: "" });
  });
});
