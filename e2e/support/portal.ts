import type { Page } from "@playwright/test";
import { newPerson, signedUpPerson, type Person } from "./people";

/**
 * The one place the provider specs get a signed-in person: registered, activated, signed in and
 * past multifactor setup (the MFA steps live in people.ts / mfa.ts). Lands on /associate.
 */
export async function enterPortalAsNewPerson(page: Page, prefix: string): Promise<Person> {
  const p = newPerson(prefix);
  await signedUpPerson(page, p);
  return p;
}
