import { describe, expect, it } from "vitest";
import { formDataToObject, inputOf, withValues } from "./action";

describe("what an action reads from a form, and what it hands back", () => {
  it("a posted form (or useActionState's previous state and form) becomes one object; React's own fields are dropped", () => {
    const form = new FormData();
    form.append("email", "ann@clinic.example");
    form.append("permissions", "claims_view");
    form.append("permissions", "remittance");
    form.append("$ACTION_KEY", "k0");
    form.append("$ACTION_1:0", "{}");
    expect(formDataToObject(form)).toEqual({ email: "ann@clinic.example", permissions: ["claims_view", "remittance"] });
    expect(inputOf([{ ok: false, values: { email: "old" } }, form])).toEqual({ email: "ann@clinic.example", permissions: ["claims_view", "remittance"] });
    expect(inputOf([{ providerId: "p" }])).toEqual({ providerId: "p" });
  });

  it("echoes only the listed text fields, cut to a sane length, on any object answer", () => {
    const input = { email: "ann@clinic.example", password: "secret", firstName: "x".repeat(5000), agree: ["a"], note: 3 };
    const answer = withValues({ ok: false, fieldErrors: { password: "Enter a password" } }, input, ["email", "firstName", "agree", "note", "missing"]);
    expect(answer).toEqual({ ok: false, fieldErrors: { password: "Enter a password" }, values: { email: "ann@clinic.example", firstName: "x".repeat(2000) } });
    expect(JSON.stringify(answer)).not.toContain("secret");
    expect(withValues({ ok: true }, input, ["email"])).toEqual({ ok: true, values: { email: "ann@clinic.example" } });
    // Nothing to attach to, or nothing to read from: the answer as it was.
    expect(withValues(undefined, input, ["email"])).toBeUndefined();
    expect(withValues({ ok: true }, null, ["email"])).toEqual({ ok: true });
  });
});
