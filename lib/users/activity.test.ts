import { describe, expect, it } from "vitest";
import { describeEvent } from "./activity";

describe("describeEvent: what the Activity tab says", () => {
  it("names access-request decisions with the requester, role and permissions", () => {
    expect(describeEvent("access_request.approved", { email: "rosa@example.org", role: "user", permissions: ["claims_view", "remittance"] })).toBe(
      "approved the access request from rosa@example.org as User with Claims view, Remittance",
    );
    expect(describeEvent("access_request.approved", { email: "rosa@example.org", role: "admin", permissions: [] })).toBe("approved the access request from rosa@example.org as Administrator");
    expect(describeEvent("access_request.denied", { email: "rosa@example.org", reason: "Unknown to us" })).toBe("denied the access request from rosa@example.org: Unknown to us");
    expect(describeEvent("access_request.denied", { email: "rosa@example.org", reason: null })).toBe("denied the access request from rosa@example.org");
    expect(describeEvent("access_request.auto_denied", { email: "rosa@example.org" })).toBe("denied the access request from rosa@example.org automatically after 5 days");
  });

  it("describes role changes and refusals, and shows an unknown kind by its name", () => {
    expect(describeEvent("users.role_changed", { from: { role: "admin" }, to: { role: "user", permissions: [] } })).toBe("changed role from Administrator to User with no permissions");
    expect(describeEvent("users.change.refused", { attempted: "users.revoked", reason: "last_admin" })).toBe("refused revoked (last administrator)");
    expect(describeEvent("provider.association.attempt", { outcome: "admin_exists" })).toBe("tried to associate with this provider (admin exists)");
    expect(describeEvent("something.new", {})).toBe("something.new");
  });
});
