import { describe, expect, it } from "vitest";
import { portalMenu } from "./menu";
import { holds } from "./permissions";

const ids = (m: Parameters<typeof portalMenu>[0]) => portalMenu(m).map((i) => i.id);

describe("portal navigation", () => {
  it("offers only Associate and security settings without a provider", () => {
    expect(ids(null)).toEqual(["associate", "settings"]);
    expect(ids({ role: "admin", permissions: [], status: "revoked" })).toEqual(["associate", "settings"]);
  });

  it("shows Message Box exactly when the membership holds the permission", () => {
    const without = { role: "user" as const, permissions: ["claims_view"], status: "active" as const };
    const withIt = { ...without, permissions: ["message_box"] };
    expect(ids(without)).not.toContain("messages");
    expect(holds(without, "message_box")).toBe(false);
    expect(ids(withIt)).toContain("messages");
    expect(holds(withIt, "message_box")).toBe(true);
  });

  it("gives an administrator every permission-gated entry and Manage Users", () => {
    expect(ids({ role: "admin", permissions: [], status: "active" })).toEqual(["home", "messages", "link", "accounts", "users", "settings"]);
    expect(ids({ role: "user", permissions: ["message_box"], status: "active" })).not.toContain("users");
  });
});
