import { describe, expect, it } from "vitest";
import { grantedPermissions, isPermission, isUuid, PERMISSION_IDS, permissionLabel, permissionsToStore, roleLabel, userPermissions } from "./permissions";

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

  it("keeps what a person held as a User while they are an administrator, so demotion gives it back", () => {
    const asUser = ["claims_view", "remittance"];
    // Make Admin (or Edit to Administrator, whatever boxes came with it): stored permissions untouched.
    const asAdmin = permissionsToStore(asUser, "admin", ["enrollment_sign", "enrollment_pay_fee"]);
    expect(asAdmin).toEqual(asUser);
    expect(grantedPermissions({ role: "admin", permissions: asAdmin })).toEqual(PERMISSION_IDS);
    // Demoted: what the dialog offers back is what they had, and only what is then chosen is granted.
    expect(userPermissions({ permissions: asAdmin })).toEqual(["claims_view", "remittance"]);
    const demoted = permissionsToStore(asAdmin, "user", userPermissions({ permissions: asAdmin }));
    expect(grantedPermissions({ role: "user", permissions: demoted })).toEqual(["claims_view", "remittance"]);
    expect(demoted).not.toContain("enrollment_pay_fee");
    // An administrator who never was a User (Associate Provider) has nothing to get back.
    expect(userPermissions({ permissions: [] })).toEqual([]);
    expect(grantedPermissions({ role: "user", permissions: permissionsToStore([], "user", []) })).toEqual([]);
  });

  it("stores a User's chosen permissions once each, and drops unknown stored ids from what is offered back", () => {
    expect(permissionsToStore(["message_box"], "user", ["remittance", "remittance", "claims_view"])).toEqual(["remittance", "claims_view"]);
    expect(userPermissions({ permissions: ["made_up", "remittance", "message_box"] })).toEqual(["message_box", "remittance"]);
  });

  it("accepts only well-formed ids", () => {
    expect(isUuid("8c0d4e8e-2f5b-4c1a-9d8e-0a1b2c3d4e5f")).toBe(true);
    for (const bad of ["", "1", "8c0d4e8e-2f5b-4c1a-9d8e-0a1b2c3d4e5", "' or 1=1 --", null, 42, "8c0d4e8e-2f5b-4c1a-9d8e-0a1b2c3d4e5fz"]) expect(isUuid(bad)).toBe(false);
  });
});
