/** How long to wait before asking for another code, worded for a person. */
export function waitText(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `Wait ${s} seconds before asking for another code.` : `Too many codes sent. Try again in ${Math.ceil(s / 60)} minutes.`;
}
