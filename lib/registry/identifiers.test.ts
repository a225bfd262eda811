import { describe, expect, it } from "vitest";
import { isValidNpi, normalizeName, normalizeTaxId, npiCheckDigit, parseZip } from "./identifiers";

describe("NPI", () => {
  it("accepts the CMS example NPI 1234567893", () => {
    expect(isValidNpi("1234567893")).toBe(true);
    expect(npiCheckDigit("123456789")).toBe(3);
  });
  it("rejects a wrong check digit, wrong length and non-digits", () => {
    expect(isValidNpi("1234567890")).toBe(false);
    expect(isValidNpi("123456789")).toBe(false);
    expect(isValidNpi("12345678931")).toBe(false);
    expect(isValidNpi("12345678a3")).toBe(false);
    expect(isValidNpi("")).toBe(false);
  });
  it("every generated check digit validates", () => {
    for (const base of ["100000000", "987654321", "555555555", "000000001"]) {
      expect(isValidNpi(base + npiCheckDigit(base))).toBe(true);
      expect(isValidNpi(base + ((npiCheckDigit(base) + 1) % 10))).toBe(false);
    }
  });
});

describe("Tax ID", () => {
  it("keeps 9 digits with or without the dash", () => {
    expect(normalizeTaxId("12-3456789")).toBe("123456789");
    expect(normalizeTaxId(" 123456789 ")).toBe("123456789");
  });
  it("rejects other lengths and characters", () => {
    expect(normalizeTaxId("12345678")).toBeNull();
    expect(normalizeTaxId("1234567890")).toBeNull();
    expect(normalizeTaxId("12 3456789")).toBeNull();
    expect(normalizeTaxId("ab-cdefghi")).toBeNull();
    expect(normalizeTaxId("")).toBeNull();
  });
});

describe("ZIP", () => {
  it("parses ZIP and ZIP+4", () => {
    expect(parseZip("43215")).toEqual({ zip5: "43215", zip4: null });
    expect(parseZip("43215-1234")).toEqual({ zip5: "43215", zip4: "1234" });
    expect(parseZip("432151234")).toEqual({ zip5: "43215", zip4: "1234" });
  });
  it("rejects malformed ZIPs", () => {
    for (const bad of ["4321", "432155", "43215-12", "ABCDE", "43215 1234", ""]) expect(parseZip(bad)).toBeNull();
  });
});

describe("names", () => {
  it("ignores case, surrounding and repeated spaces", () => {
    expect(normalizeName("  Mary   ANN ")).toBe("mary ann");
  });
});
