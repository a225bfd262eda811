import { expect, type Browser, type Page } from "@playwright/test";
import { e2eSql } from "./db";
import { linkIn, waitForMessage } from "./mail";
import { setUpAuthenticator } from "./mfa";
import { newPerson, registerAndActivate, signedUpPerson, signInWith, type Person } from "./people";
import { createPractitioner, type TestProvider } from "./registry";

/**
 * Helpers for the Manage Users, access request and invitation specs: an administrator made the
 * way a person becomes one (associating a fresh provider), requests as the public form stores
 * them, and an invitee who follows the emailed link all the way into the portal.
 */

/** A client address of its own (per-IP limits), from the benchmarking range no real client uses. */
export function clientIp(): string {
  return `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 253) + 1}`;
}

/** A second browser (another person on another machine), with a client address of its own. */
export async function newPersonPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientIp() } });
  return context.newPage();
}

/**
 * A fresh practitioner and the person who associated it first, which makes them its Administrator:
 * signed up, past MFA, on the portal home with that provider active.
 */
export async function adminOfNewProvider(page: Page, prefix = "admin"): Promise<{ person: Person; secret: string; provider: TestProvider }> {
  const provider = await createPractitioner("Dana", "Rivera");
  const person = newPerson(prefix);
  const { secret } = await signedUpPerson(page, person);
  await expect(page).toHaveURL(/\/associate$/);
  await page.getByLabel("Provider Type").selectOption("Practitioner");
  await page.getByLabel("Practitioner's First Name").fill(provider.firstName!);
  await page.getByLabel("Practitioner's Last Name").fill(provider.lastName!);
  await page.getByLabel("Tax ID").fill(provider.taxId);
  await page.getByLabel("Provider ID/Billing Number").fill(provider.providerNumber);
  await page.getByLabel("ZIP Code").fill(provider.zips[0]!);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("checkbox", { name: "I have read and accept the Provider Agreement" }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("region", { name: "Active provider" })).toContainText("Administrator");
  return { person, secret, provider };
}

export interface TestRequest {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  reason: string;
}

/**
 * A pending access request, stored as the public "Request Access for New User" form stores it
 * (that form has its own spec). `ageMs` backdates when it was submitted.
 */
export async function insertAccessRequest(providerId: string, options: { person?: Person; reason?: string; ageMs?: number } = {}): Promise<TestRequest> {
  const p = options.person ?? newPerson("requester");
  const reason = options.reason ?? "I handle claims and remittance for this office.";
  const createdAt = new Date(Date.now() - (options.ageMs ?? 60 * 60_000));
  const [row] = await e2eSql()<{ id: string }[]>`
    insert into access_requests (provider_id, program, state, first_name, last_name, position_title, email, phone, phone_extension, reason, status, ip, created_at)
    values (${providerId}, 'medicaid', 'OH', ${p.firstName}, ${p.lastName}, 'Billing Specialist', ${p.email.toLowerCase()}, '614-555-0142', '12', ${reason}, 'pending', '198.18.0.1', ${createdAt})
    returning id`;
  return { id: row!.id, email: p.email.toLowerCase(), firstName: p.firstName, lastName: p.lastName, reason };
}

/**
 * The invitee's side of an emailed invitation link (from Invite New User or an approved request):
 * signed out, Create Account; activate from the email; sign in; set up an authenticator app; the
 * portal brings them back to the invitation, where they accept the Provider Agreement and land on
 * the portal home with the provider active. `beforeAccept` runs on the agreement page (axe, say).
 */
export async function joinFromInvitation(page: Page, link: string, person: Person, options: { providerName: string; beforeAccept?: (page: Page) => Promise<void>; onInvitationPage?: (page: Page) => Promise<void> }): Promise<{ secret: string }> {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: `Join ${options.providerName}` })).toBeVisible();
  await expect(page.getByText(person.email).first()).toBeVisible();
  if (options.onInvitationPage) await options.onInvitationPage(page);
  await page.getByRole("link", { name: "Create Account" }).click();
  await expect(page).toHaveURL(/\/register$/);
  await registerAndActivate(page, person);
  await signInWith(page, person.email, person.password);
  const { secret } = await setUpAuthenticator(page);
  await page.getByRole("button", { name: "Continue" }).click();
  // Back to the invitation, now with the Provider Agreement.
  await expect(page).toHaveURL(/\/invitations\/accept/);
  await expect(page.getByRole("heading", { level: 1, name: `Join ${options.providerName}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Provider Agreement" })).toBeVisible();
  if (options.beforeAccept) await options.beforeAccept(page);
  await page.getByRole("checkbox", { name: "I have read and accept the Provider Agreement" }).check();
  await page.getByRole("button", { name: "Accept and continue" }).click();
  await expect(page).toHaveURL(/\/home\?joined=1$/);
  await expect(page.getByText(`You joined ${options.providerName}. It is now your active provider.`)).toBeVisible();
  return { secret };
}

/** The newest invitation link emailed to `email` with `template` ("invitation" or "access-request-approved"). */
export async function invitationLink(email: string, template: "invitation" | "access-request-approved"): Promise<string> {
  const mail = await waitForMessage(email, template);
  const link = linkIn(mail);
  expect(link).toMatch(/\/invitations\/accept\?token=/);
  return link;
}

/** The Manage Users tab with this name, reached from the left navigation and the tabs as a person would. */
export async function openUsersTab(page: Page, tab: "Users" | "Access Requests" | "Invitations" | "Activity") {
  if (!/\/users(\/|$)/.test(new URL(page.url()).pathname)) {
    await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Manage Users" }).click();
    await expect(page).toHaveURL(/\/users$/);
  }
  await page.getByRole("navigation", { name: "Manage Users" }).getByRole("link", { name: tab, exact: true }).click();
  const path = { Users: "/users", "Access Requests": "/users/requests", Invitations: "/users/invitations", Activity: "/users/activity" }[tab];
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("navigation", { name: "Manage Users" }).getByRole("link", { name: tab, exact: true })).toHaveAttribute("aria-current", "page");
}

/** The eleven permissions as Manage Users and the home page label them, in the catalog's order (what an administrator holds). */
export const ALL_PERMISSIONS = [
  "Message Box",
  "Eligibility & Benefits",
  "Claims view",
  "Claims submit",
  "Remittance",
  "Authorizations",
  "Enrollment application view",
  "Enrollment application edit",
  "Enrollment application sign",
  "Enrollment application submit",
  "Enrollment application pay fee",
];
