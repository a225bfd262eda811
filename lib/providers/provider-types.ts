/** The Provider Type choices of Associate Provider and Link Account. Browser-safe (no zod). */
export const PROVIDER_TYPES = [
  { id: "practitioner", label: "Practitioner" },
  { id: "group", label: "Group" },
] as const;
