import { isValidNpi, normalizeTaxId, parseZip } from "./identifiers";

export const REGISTRY_COLUMNS = [
  "provider_number",
  "npi",
  "provider_type",
  "first_name",
  "last_name",
  "group_name",
  "tax_id",
  "group_provider_number",
  "program",
  "address_type",
  "address_line1",
  "city",
  "state",
  "zip",
] as const;

export type RegistryColumn = (typeof REGISTRY_COLUMNS)[number];

export interface ProviderFields {
  providerNumber: string;
  npi: string;
  providerType: "practitioner" | "group";
  firstName: string | null;
  lastName: string | null;
  groupName: string | null;
  taxId: string;
  groupProviderNumber: string | null;
  program: "medicaid" | "medicare" | "both";
}

export interface AddressFields {
  addressType: "remit" | "practice";
  line1: string;
  city: string;
  state: string;
  zip5: string;
  zip4: string | null;
}

export type RowResult =
  | { ok: true; provider: ProviderFields; address: AddressFields }
  | { ok: false; providerNumber: string; errors: string[] };

const MAX_FIELD = 200;

/** Validates one CSV row (already mapped by header) into provider and address fields. */
export function parseRegistryRow(raw: Record<RegistryColumn, string>): RowResult {
  return validateRegistryRow((k) => (raw[k] ?? "").trim());
}

/** Where each of REGISTRY_COLUMNS sits in a file's header (columns may come in any order). */
export type ColumnPositions = Record<RegistryColumn, number>;

/** The same validation on a record's fields as read, without building an object per row. */
export function parseRegistryFields(fields: readonly string[], positions: ColumnPositions): RowResult {
  return validateRegistryRow((k) => (fields[positions[k]] ?? "").trim());
}

function validateRegistryRow(v: (k: RegistryColumn) => string): RowResult {
  const errors: string[] = [];
  const providerNumber = v("provider_number");

  for (const k of REGISTRY_COLUMNS) {
    if (v(k).length > MAX_FIELD) errors.push(`${k} is longer than ${MAX_FIELD} characters`);
  }
  if (!/^[A-Za-z0-9-]{1,30}$/.test(providerNumber)) errors.push("provider_number must be 1-30 letters, digits or dashes");
  if (!isValidNpi(v("npi"))) errors.push("npi must be 10 digits with a valid check digit");

  const type = v("provider_type").toLowerCase();
  if (type !== "practitioner" && type !== "group") errors.push("provider_type must be practitioner or group");
  if (type === "practitioner") {
    if (!v("first_name")) errors.push("first_name is required for a practitioner");
    if (!v("last_name")) errors.push("last_name is required for a practitioner");
  }
  if (type === "group") {
    if (!v("group_name")) errors.push("group_name is required for a group");
    if (v("group_provider_number")) errors.push("group_provider_number is only for practitioners");
  }
  const taxId = normalizeTaxId(v("tax_id"));
  if (!taxId) errors.push("tax_id must be 9 digits (dashes allowed)");
  const groupProviderNumber = v("group_provider_number");
  if (groupProviderNumber && !/^[A-Za-z0-9-]{1,30}$/.test(groupProviderNumber)) {
    errors.push("group_provider_number must be 1-30 letters, digits or dashes");
  }
  if (groupProviderNumber && groupProviderNumber === providerNumber) errors.push("group_provider_number cannot be the provider itself");

  const prog = v("program").toLowerCase();
  if (prog !== "medicaid" && prog !== "medicare" && prog !== "both") errors.push("program must be medicaid, medicare or both");
  const addressType = v("address_type").toLowerCase();
  if (addressType !== "remit" && addressType !== "practice") errors.push("address_type must be remit or practice");
  if (!v("address_line1")) errors.push("address_line1 is required");
  if (!v("city")) errors.push("city is required");
  const state = v("state").toUpperCase();
  if (!/^[A-Z]{2}$/.test(state)) errors.push("state must be a 2-letter code");
  const zip = parseZip(v("zip"));
  if (!zip) errors.push("zip must be 5 digits or ZIP+4");

  if (errors.length) return { ok: false, providerNumber, errors };
  const practitioner = type === "practitioner";
  return {
    ok: true,
    provider: {
      providerNumber,
      npi: v("npi"),
      providerType: type as ProviderFields["providerType"],
      firstName: practitioner ? v("first_name") : null,
      lastName: practitioner ? v("last_name") : null,
      groupName: practitioner ? null : v("group_name"),
      taxId: taxId!,
      groupProviderNumber: practitioner && groupProviderNumber ? groupProviderNumber : null,
      program: prog as ProviderFields["program"],
    },
    address: {
      addressType: addressType as AddressFields["addressType"],
      line1: v("address_line1"),
      city: v("city"),
      state,
      zip5: zip!.zip5,
      zip4: zip!.zip4,
    },
  };
}

/** The display name a person recognises: "First Last" or the group name. */
export function providerDisplayName(p: Pick<ProviderFields, "firstName" | "lastName" | "groupName">): string {
  return p.groupName ?? `${p.firstName ?? ""} ${p.lastName ?? ""}`.trim();
}

export function sameProviderFields(a: ProviderFields, b: ProviderFields): boolean {
  return (
    a.npi === b.npi &&
    a.providerType === b.providerType &&
    a.firstName === b.firstName &&
    a.lastName === b.lastName &&
    a.groupName === b.groupName &&
    a.taxId === b.taxId &&
    a.groupProviderNumber === b.groupProviderNumber &&
    a.program === b.program
  );
}
