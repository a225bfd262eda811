import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { waitForMessage } from "./support/mail";
import { passChallenge, setUpAuthenticator } from "./support/mfa";
import { completeSignIn, newPerson, registerAndActivate, signedUpPerson, signInWith } from "./support/people";

test.use({ extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 200) + 20}` } });

function codeIn(text: string) {
  const m = /\b(\d{6})\b/.exec(text);
  if (!m) throw new Error("no code in message");
  return m[1]!;
}

/**
 * Asks for a sign-in code. A code sent less than 30 seconds ago (at setup, say) makes the portal
 * refuse another; the test then waits as long as the page says, as a person would.
 */
async function sendCode(page: Page, button: string) {
  const sentAfter = new Date();
  await page.getByRole("button", { name: button }).click();
  const wait = page.getByRole("main").getByRole("alert").filter({ hasText: /Wait \d+ seconds/ });
  const status = page.getByText(/We sent a 6-digit code to your (email|phone)\./);
  await expect(wait.or(status)).toBeVisible();
  if (await wait.isVisible()) {
    const seconds = Number(/Wait (\d+) seconds/.exec(await wait.innerText())![1]);
    await page.waitForTimeout((seconds + 1) * 1000);
    await page.getByRole("button", { name: button }).click();
    await expect(status).toBeVisible();
  }
  return sentAfter;
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
}

test("authenticator app: set up on first sign-in, challenged next time, trusted device skips it", async ({ page }) => {
  const p = newPerson("totp");
  await registerAndActivate(page, p);
  await signInWith(page, p.email, p.password);
  await expect(page.getByRole("heading", { name: "Set Up Multifactor Authentication" })).toBeVisible();
  await expectAccessible(page);
  // No portal page is reachable before the second factor.
  await page.goto("/settings/security");
  await expect(page).toHaveURL(/\/mfa\/setup$/);

  const { secret, recoveryCodes } = await setUpAuthenticator(page);
  expect(recoveryCodes).toHaveLength(10);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/(home|associate)/);
  await waitForMessage(p.email, "security-notice");

  await page.goto("/settings/security");
  await signOut(page);
  await signInWith(page, p.email, p.password);
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/home");
  await expect(page).toHaveURL(/\/mfa$/);
  await passChallenge(page, secret, { trustDevice: true });
  await expect(page).toHaveURL(/\/(home|associate)/);

  // This device is trusted now: password only.
  await page.goto("/settings/security");
  await expect(page.getByRole("heading", { name: "Trusted devices" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Revoke / })).toHaveCount(1);
  await signOut(page);
  await signInWith(page, p.email, p.password);
  await expect(page).toHaveURL(/\/(home|associate)/);
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toHaveCount(0);
});

test("email code: set up and sign in with a code from the email", async ({ page }) => {
  const p = newPerson("emailmfa");
  await registerAndActivate(page, p);
  await signInWith(page, p.email, p.password);
  await page.getByRole("radio", { name: /Email Authentication/ }).check();
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText(`We sent a 6-digit code to ${p.email}.`)).toBeVisible();
  // A wrong code is refused on the field.
  await page.getByRole("textbox", { name: "Verification code" }).fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("#code-error")).toHaveText("That code is not right or has expired. Try again.");
  const setupMail = await waitForMessage(p.email, "mfa-code");
  await page.getByRole("textbox", { name: "Verification code" }).fill(codeIn(setupMail.body_text));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/(home|associate)/);

  await page.goto("/settings/security");
  await signOut(page);
  await signInWith(page, p.email, p.password);
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  const sentAfter = await sendCode(page, "Send code by email");
  // Asking again at once is refused: one code per 30 seconds.
  await page.getByRole("button", { name: "Send a new code" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(/Wait \d+ seconds before asking for another code/);
  const signInMail = await waitForMessage(p.email, "mfa-code", { after: sentAfter });
  await page.getByRole("textbox", { name: "Verification code" }).fill(codeIn(signInMail.body_text));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/(home|associate)/);
});

test("SMS code: phone validated, code by text, sign in with it", async ({ page }) => {
  const p = newPerson("smsmfa");
  const phoneDigits = `614555${String(Math.floor(Math.random() * 9000) + 1000)}`;
  await registerAndActivate(page, p);
  await signInWith(page, p.email, p.password);
  await page.getByRole("radio", { name: /SMS Authentication/ }).check();
  await page.getByRole("textbox", { name: "Mobile phone number" }).fill("555-0123");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.locator("#phone-error")).toContainText("Enter a US mobile number with area code");
  await page.getByRole("textbox", { name: "Mobile phone number" }).fill(`(${phoneDigits.slice(0, 3)}) ${phoneDigits.slice(3, 6)}-${phoneDigits.slice(6)}`);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText("We sent a 6-digit code to your phone.")).toBeVisible();
  const sms = await waitForMessage(`+1${phoneDigits}`, "mfa-code");
  expect(sms.channel).toBe("sms");
  await page.getByRole("textbox", { name: "Verification code" }).fill(codeIn(sms.body_text));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/(home|associate)/);

  await page.goto("/settings/security");
  await expect(page.getByRole("cell", { name: /SMS code/ })).toContainText(`(${phoneDigits.slice(0, 3)}) ${phoneDigits.slice(3, 6)}-${phoneDigits.slice(6)}`);
  await signOut(page);
  await signInWith(page, p.email, p.password);
  const after = await sendCode(page, "Send code by text");
  const signInSms = await waitForMessage(`+1${phoneDigits}`, "mfa-code", { after });
  await page.getByRole("textbox", { name: "Verification code" }).fill(codeIn(signInSms.body_text));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/(home|associate)/);
});

test("a recovery code works once, and five wrong codes send you back to sign in", async ({ page }) => {
  const p = newPerson("recovery");
  const { recoveryCodes } = await signedUpPerson(page, p);
  await page.goto("/settings/security");
  await signOut(page);

  await signInWith(page, p.email, p.password);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByRole("textbox", { name: "Recovery code" }).fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/(home|associate)/);
  await page.goto("/settings/security");
  await expect(page.getByText("9 of 10 recovery codes left.")).toBeVisible();
  await signOut(page);

  await signInWith(page, p.email, p.password);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByRole("textbox", { name: "Recovery code" }).fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("#code-error")).toHaveText("That code is not right. 4 tries left before you must sign in again.");
  for (const left of [3, 2, 1]) {
    await page.getByRole("textbox", { name: "Recovery code" }).fill("wrong-code-00");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.locator("#code-error")).toContainText(`${left} ${left === 1 ? "try" : "tries"} left`);
  }
  await page.getByRole("textbox", { name: "Recovery code" }).fill("wrong-code-00");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/login\?mfaEnded=1/);
  await expect(page.getByText("Too many wrong verification codes.")).toBeVisible();
});

test("security settings: add and remove a method, never the last; sign out everywhere", async ({ page, browser }) => {
  const p = newPerson("settings");
  const { secret } = await signedUpPerson(page, p);
  await page.goto("/settings/security");
  await expect(page.getByRole("heading", { name: "Security settings", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByText("Your only method")).toBeVisible();

  await page.getByRole("link", { name: "Add another method" }).click();
  await page.getByRole("radio", { name: /Email Authentication/ }).check();
  const after = new Date();
  await page.getByRole("button", { name: "Send code" }).click();
  const mail = await waitForMessage(p.email, "mfa-code", { after });
  await page.getByRole("textbox", { name: "Verification code" }).fill(codeIn(mail.body_text));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(page.getByRole("cell", { name: "Email code", exact: true })).toBeVisible();

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Remove Email code" }).click();
  await expect(page.getByRole("cell", { name: "Email code", exact: true })).toHaveCount(0);
  await expect(page.getByText("Your only method")).toBeVisible();

  // New recovery codes: asked first, shown once, then the settings again.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Create new recovery codes" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText("10 of 10 recovery codes left.")).toBeVisible();

  // Another browser signed in as the same person is signed out by "Sign out everywhere".
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.99" } });
  const otherPage = await other.newPage();
  await completeSignIn(otherPage, p, secret);
  await expect(otherPage).toHaveURL(/\/(home|associate)/);
  await page.reload();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  await otherPage.goto("/settings/security");
  await expect(otherPage).toHaveURL(/\/login\?expired=1/);
  await other.close();
});
