import { normalizeName, normalizeTaxId, parseZip } from "./identifiers";

/**
 * The rules for "is this person's typed provider the registry's provider?" (Associate Provider,
 * Link Account). Pure: the caller looks the record up by provider number and Tax ID.
 */

export type ProviderTypeClaim = "practitioner" | "group";

/** What a person typed, already through the form schema (trimmed, bounded). */
export interface ProviderClaim {
  providerType: ProviderTypeClaim;
  /** Practitioner only. */
  firstName?: string;
  lastName?: string;
  /** Group only. */
  groupName?: string;
  taxId: string;
  providerNumber: string;
  zip: string;
}

/** The registry's side: the provider row and the ZIP (first 5 digits) of each of its addresses. */
export interface RegistryRecord {
  providerNumber: string;
  providerType: ProviderTypeClaim;
  firstName: string | null;
  lastName: string | null;
  groupName: string | null;
  /** Nine digits, no dash. */
  taxId: string;
  zip5s: string[];
}

export type MatchOutcome = "match" | "mismatch" | "not_found";

/** The lookup key: provider number as typed (trimmed) and the Tax ID's 9 digits; null when the Tax ID is not 9 digits. */
export function lookupKey(claim: Pick<ProviderClaim, "providerNumber" | "taxId">): { providerNumber: string; taxId: string } | null {
  const taxId = normalizeTaxId(claim.taxId);
  return taxId ? { providerNumber: claim.providerNumber.trim(), taxId } : null;
}

const sameName = (typed: string | undefined, onFile: string | null) => !!typed && !!onFile && normalizeName(typed) === normalizeName(onFile);

/**
 * "not_found" when there is no provider with that Provider ID and Tax ID; "mismatch" when there is
 * one but any other detail (type, name, ZIP) differs. A mismatch never says which detail.
 */
export function matchProvider(claim: ProviderClaim, record: RegistryRecord | null): MatchOutcome {
  const key = lookupKey(claim);
  if (!record || !key || record.providerNumber !== key.providerNumber || record.taxId !== key.taxId) return "not_found";
  if (record.providerType !== claim.providerType) return "mismatch";
  const namesMatch =
    claim.providerType === "group"
      ? sameName(claim.groupName, record.groupName)
      : sameName(claim.firstName, record.firstName) && sameName(claim.lastName, record.lastName);
  if (!namesMatch) return "mismatch";
  const zip = parseZip(claim.zip);
  if (!zip || !record.zip5s.includes(zip.zip5)) return "mismatch";
  return "match";
}
