import { describe, expect, it } from "vitest";
import { lookupKey, matchProvider, type ProviderClaim, type RegistryRecord } from "./match";

const mary: RegistryRecord = {
  providerNumber: "100200300",
  providerType: "practitioner",
  firstName: "Mary Ann",
  lastName: "Smith",
  groupName: null,
  taxId: "311234567",
  zip5s: ["43215", "43017"],
};
const buckeye: RegistryRecord = {
  providerNumber: "G5000100",
  providerType: "group",
  firstName: null,
  lastName: null,
  groupName: "Buckeye Family Medicine",
  taxId: "317654321",
  zip5s: ["43240", "43229"],
};

const maryClaim: ProviderClaim = { providerType: "practitioner", firstName: "Mary Ann", lastName: "Smith", taxId: "31-1234567", providerNumber: "100200300", zip: "43215" };
const buckeyeClaim: ProviderClaim = { providerType: "group", groupName: "Buckeye Family Medicine", taxId: "31-7654321", providerNumber: "G5000100", zip: "43240" };

describe("matchProvider", () => {
  const cases: Array<[string, ProviderClaim, RegistryRecord | null, "match" | "mismatch" | "not_found"]> = [
    ["exact practitioner", maryClaim, mary, "match"],
    ["names in another case", { ...maryClaim, firstName: "MARY ANN", lastName: "smith" }, mary, "match"],
    ["surrounding and repeated spaces in names", { ...maryClaim, firstName: "  Mary   Ann ", lastName: " Smith  " }, mary, "match"],
    ["Tax ID without the dash", { ...maryClaim, taxId: "311234567" }, mary, "match"],
    ["Tax ID with spaces around", { ...maryClaim, taxId: " 31-1234567 " }, mary, "match"],
    ["ZIP+4 with dash", { ...maryClaim, zip: "43215-0001" }, mary, "match"],
    ["ZIP+4 without dash", { ...maryClaim, zip: "432150001" }, mary, "match"],
    ["ZIP from the second address", { ...maryClaim, zip: "43017" }, mary, "match"],
    ["ZIP on no address", { ...maryClaim, zip: "44115" }, mary, "mismatch"],
    ["malformed ZIP", { ...maryClaim, zip: "4321" }, mary, "mismatch"],
    ["first name differs", { ...maryClaim, firstName: "Mary" }, mary, "mismatch"],
    ["last name differs", { ...maryClaim, lastName: "Smyth" }, mary, "mismatch"],
    ["missing first name", { ...maryClaim, firstName: undefined }, mary, "mismatch"],
    ["wrong type: practitioner details typed as group", { ...maryClaim, providerType: "group", groupName: "Mary Ann Smith" }, mary, "mismatch"],
    ["exact group", buckeyeClaim, buckeye, "match"],
    ["group name ignoring case and spaces", { ...buckeyeClaim, groupName: " buckeye   family MEDICINE" }, buckeye, "match"],
    ["group with its practice ZIP", { ...buckeyeClaim, zip: "43229-1234" }, buckeye, "match"],
    ["group name differs", { ...buckeyeClaim, groupName: "Buckeye Medicine" }, buckeye, "mismatch"],
    ["group typed as practitioner", { providerType: "practitioner", firstName: "Buckeye", lastName: "Family Medicine", taxId: "31-7654321", providerNumber: "G5000100", zip: "43240" }, buckeye, "mismatch"],
    ["no provider found", maryClaim, null, "not_found"],
    ["Tax ID differs from the record", { ...maryClaim, taxId: "31-1234568" }, mary, "not_found"],
    ["provider number differs from the record", { ...maryClaim, providerNumber: "100200301" }, mary, "not_found"],
    ["provider number in another case is not the same number", { ...buckeyeClaim, providerNumber: "g5000100" }, buckeye, "not_found"],
    ["Tax ID of 8 digits", { ...maryClaim, taxId: "31-123456" }, mary, "not_found"],
    ["Tax ID with letters", { ...maryClaim, taxId: "31-12345AB" }, mary, "not_found"],
  ];
  it.each(cases)("%s", (_name, claim, record, expected) => {
    expect(matchProvider(claim, record)).toBe(expected);
  });
});

describe("lookupKey", () => {
  it("uses the Tax ID's digits and the trimmed provider number", () => {
    expect(lookupKey({ providerNumber: " 100200300 ", taxId: "31-1234567" })).toEqual({ providerNumber: "100200300", taxId: "311234567" });
  });
  it("has no key for a Tax ID that is not 9 digits", () => {
    expect(lookupKey({ providerNumber: "100200300", taxId: "" })).toBeNull();
    expect(lookupKey({ providerNumber: "100200300", taxId: "12-34567890" })).toBeNull();
  });
});
