import { REGISTRY_COLUMNS } from "./rows";

/**
 * The demo registry that `npm run db:seed` loads. README.md lists what to type into each flow;
 * keep the two in step. Every NPI here passes the check digit rule.
 */
const rows: string[][] = [
  // provider_number, npi, provider_type, first, last, group, tax_id, group_provider_number, program, address_type, line1, city, state, zip
  ["100200300", "1234567893", "practitioner", "Mary Ann", "Smith", "", "31-1234567", "", "medicaid", "remit", "100 Broad St", "Columbus", "OH", "43215"],
  ["100200300", "1234567893", "practitioner", "Mary Ann", "Smith", "", "31-1234567", "", "medicaid", "practice", "55 Frantz Rd", "Dublin", "OH", "43017-2244"],
  ["100200301", "1245319599", "practitioner", "John", "Doe", "", "31-2345678", "", "both", "remit", "9 Vine St", "Cincinnati", "OH", "45202"],
  ["100200302", "1376214718", "practitioner", "Priya", "Patel", "", "31-3456789", "", "medicare", "remit", "1200 Euclid Ave", "Cleveland", "OH", "44115"],
  ["100200302", "1376214718", "practitioner", "Priya", "Patel", "", "31-3456789", "", "medicare", "practice", "400 Lakeside Ave", "Cleveland", "OH", "44114"],
  ["G5000100", "1093814758", "group", "", "", "Buckeye Family Medicine", "31-7654321", "", "both", "remit", "2000 Polaris Pkwy", "Columbus", "OH", "43240"],
  ["G5000100", "1093814758", "group", "", "", "Buckeye Family Medicine", "31-7654321", "", "both", "practice", "800 Morse Rd", "Columbus", "OH", "43229"],
  ["100200410", "1588667638", "practitioner", "Alice", "Nguyen", "", "31-7654321", "G5000100", "both", "practice", "800 Morse Rd", "Columbus", "OH", "43229"],
  ["100200411", "1659474393", "practitioner", "Robert", "Brown", "", "31-7654321", "G5000100", "both", "practice", "800 Morse Rd", "Columbus", "OH", "43229"],
  ["G5000200", "1740283571", "group", "", "", "Lakeside Pediatrics Group", "34-5556667", "", "medicaid", "remit", "1 Harbor Dr", "Sandusky", "OH", "44870"],
  ["100200500", "1821092743", "practitioner", "Carlos", "Lopez", "", "34-5556667", "G5000200", "medicaid", "practice", "1 Harbor Dr", "Sandusky", "OH", "44870"],
];

export function demoRegistryCsv(): string {
  return [REGISTRY_COLUMNS.join(","), ...rows.map((r) => r.join(","))].join("\n") + "\n";
}
