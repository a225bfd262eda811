import { describe, expect, it } from "vitest";
import { agreementSchema } from "@/lib/providers/schemas";
import { checkboxField, fieldErrorsOf } from "./forms";

describe("form primitives", () => {
  it("a checkbox is ticked when a form posts \"on\" or a script sends true, and not otherwise", () => {
    for (const ticked of ["on", "true", true]) expect(checkboxField.parse(ticked)).toBe(true);
    for (const not of [undefined, "", "off", "false", false, 1, "ON", ["on"]]) expect(checkboxField.parse(not)).toBe(false);
  });

  it("the Provider Agreement step reads a posted form and a script's values alike", () => {
    expect(agreementSchema.parse({ accept: "on", agreementVersion: "3" })).toEqual({ accept: true, agreementVersion: 3 });
    expect(agreementSchema.parse({ accept: true, agreementVersion: 3 })).toEqual({ accept: true, agreementVersion: 3 });
    const unticked = agreementSchema.safeParse({ agreementVersion: "3" });
    expect(unticked.success).toBe(false);
    expect(fieldErrorsOf(unticked.error!)).toEqual({ accept: "Check the box to accept the Provider Agreement" });
    for (const version of ["", "abc", "0", "-1", "1.5", undefined]) {
      const r = agreementSchema.safeParse({ accept: "on", agreementVersion: version });
      expect(r.success, String(version)).toBe(false);
      expect(fieldErrorsOf(r.error!).agreementVersion).toBe("Reload the page to read the Provider Agreement");
    }
  });
});
