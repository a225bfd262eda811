import { describe, expect, it } from "vitest";
import { grantedPermissions, isPermission, isUuid, PERMISSION_IDS, permissionLabel, roleLabel } from "./permissions";

describe("permission catalog", () => {
  it("lists the seed's permissions with their labels", () => {
    expect(PERMISSION_IDS).toHaveLength(11);
    expect(permissionLabel("eligibility_benefits")).toBe("Eligibility & Benefits");
    expect(permissionLabel("enrollment_pay_fee")).toBe("Enrollment application pay fee");
    expect(permissionLabel("delete_everything")).toBeNull();
    expect(roleLabel("admin")).toBe("Administrator");
    expect(roleLabel("user")).toBe("User");
  });

  it("gives an administrator every permission whatever is stored", () => {
    expect(grantedPermissions({ role: "admin", permissions: [] })).toEqual(PERMISSION_IDS);
  });

  it("gives a user only the known permissions stored on the membership", () => {
    expect(grantedPermissions({ role: "user", permissions: ["claims_view", "made_up", "message_box"] })).toEqual(["message_box", "claims_view"]);
    expect(grantedPermissions({ role: "user", permissions: [] })).toEqual([]);
    expect(isPermission("claims_view")).toBe(true);
    expect(isPermission("CLAIMS_VIEW")).toBe(false);
  });

  it("accepts only well-formed ids", () => {
    expect(isUuid("8c0d4e8e-2f5b-4c1a-9d8e-0a1b2c3d4e5f")).toBe(true);
    for (const bad of ["", "1", "8c0d4e8e-2f5b-4c1a-9d8e-0a1b2c3d4e5", "' or 1=1 --", null, 42, "8c0d4e8e-2f5b-4c1a-9d8e-0a1b2c3d4e5fz"]) expect(isUuid(bad)).toBe(false);
  });
});
