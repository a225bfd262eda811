import { expect, type Page } from "@playwright/test";
import { linkIn, waitForMessage } from "./mail";
import { passChallenge, setUpAuthenticator } from "./mfa";

let counter = 0;
/** A fresh identity per test so specs never share accounts. */
export function newPerson(prefix = "user") {
  counter++;
  const tag = `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
  return {
    email: `${prefix}.${tag}@e2e.example`,
    password: `Harbor-${tag}-9!Q`,
    firstName: "Jordan",
    lastName: `Tester${counter}`,
    securityQuestion: "What city were you born in?",
    securityAnswer: "Toledo",
  };
}
export type Person = ReturnType<typeof newPerson>;

export async function fillRegistration(page: Page, p: Person) {
  // Reached from an invitation, the email is the invited one and cannot be edited.
  const email = page.getByLabel("Email");
  if (await email.isEditable()) await email.fill(p.email);
  else await expect(email).toHaveValue(p.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(p.password);
  await page.getByLabel("First name").fill(p.firstName);
  await page.getByLabel("Last name").fill(p.lastName);
  await page.getByLabel("Security question").selectOption(p.securityQuestion);
  await page.getByLabel("Security answer").fill(p.securityAnswer);
}

/** Registers through the form and opens the emailed activation link. */
export async function registerAndActivate(page: Page, p: Person) {
  await page.goto("/register");
  await fillRegistration(page, p);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("Verification email sent. To finish signing in, check your email.")).toBeVisible();
  const mail = await waitForMessage(p.email, "activation");
  await page.goto(linkIn(mail));
  await expect(page.getByText("Your account is activated. Sign in to continue.")).toBeVisible();
}

export async function signInWith(page: Page, email: string, password: string) {
  if (!page.url().includes("/login")) await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Accept & Login" }).click();
}

/**
 * A person who registered, activated, signed in and set up an authenticator app: on the portal
 * home. Returns the authenticator key for later challenges.
 */
export async function signedUpPerson(page: Page, p: Person): Promise<{ secret: string; recoveryCodes: string[] }> {
  await registerAndActivate(page, p);
  await signInWith(page, p.email, p.password);
  const enrolled = await setUpAuthenticator(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/(home|associate)/);
  return enrolled;
}

/** Signs in again with password and authenticator code. */
export async function completeSignIn(page: Page, p: Person, secret: string, options: { trustDevice?: boolean } = {}) {
  await page.goto("/login");
  await signInWith(page, p.email, p.password);
  await passChallenge(page, secret, options);
}
