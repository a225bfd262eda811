import { expect, test, type Browser, type Page } from "@playwright/test";
import { hashToken } from "../lib/auth/tokens";
import { TRUSTED_DEVICE_COOKIE } from "../lib/mfa/policy";
import { createProviderAdmin, createProviderMember } from "./support/admins";
import { expectAccessibleWithoutScript } from "./support/axe";
import { e2eSql } from "./support/db";
import { countMessages, linkIn, waitForMessage } from "./support/mail";
import { totpCode } from "./support/mfa";
import { fillRegistration, newPerson, registerAndActivate, signInWith, type Person } from "./support/people";
import { createPractitioner, type TestProvider } from "./support/registry";
import { fillRequester } from "./support/requests";
import { snap } from "./support/screens";
import { INVITE_ROW_MESSAGES } from "../lib/users/invite-messages";
import { adminOfNewProvider, clientIp, insertAccessRequest } from "./support/users";

// Every form of the public pages, the MFA steps, Associate Provider, Link Account, the Provider
// Agreement, invitations and the security settings, walked with JavaScript turned off, as on a
// locked-down office PC: the browser posts each form and the server renders the answer.
test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": `198.51.102.${Math.floor(Math.random() * 200) + 20}` } });
// Whole journeys, each page a round trip, with axe on every error state.
test.describe.configure({ timeout: 180_000 });


const summary = (page: Page) => page.getByRole("main").getByRole("alert").first();

async function fillProvider(page: Page, p: TestProvider, overrides: { providerNumber?: string; taxId?: string } = {}) {
  await page.getByLabel("Provider Type").selectOption("Practitioner");
  await page.getByLabel("Practitioner's First Name").fill(p.firstName!);
  await page.getByLabel("Practitioner's Last Name").fill(p.lastName!);
  await page.getByLabel("Tax ID").fill(overrides.taxId ?? p.taxId);
  await page.getByLabel("Provider ID/Billing Number").fill(overrides.providerNumber ?? p.providerNumber);
  await page.getByLabel("ZIP Code").fill(p.zips[0]!);
  await page.getByRole("button", { name: "Next" }).click();
}

/** Set Up Multifactor Authentication without JavaScript: the method, then the key shown by the server, a wrong code, the right one. */
async function setUpAuthenticatorWithoutScript(page: Page): Promise<string> {
  await expect(page.getByRole("heading", { name: "Set Up Multifactor Authentication" })).toBeVisible();
  // Nothing chosen: the server names the field.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#method-error")).toHaveText("Choose a verification method");
  await expect(summary(page)).toContainText("Verification method: Choose a verification method");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-mfa-setup-error");

  await page.getByRole("radio", { name: /Authenticator app/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/mfa\/setup\?factor=[0-9a-f-]{36}$/);
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toHaveAttribute("src", /^data:image\/png;base64,/);
  const secret = (await page.getByTestId("totp-key").innerText()).replace(/\s/g, "");

  await page.getByRole("textbox", { name: "Verification code" }).fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("#code-error")).toHaveText("That code is not right or has expired. Try again.");
  // The same setup, rendered again with its key.
  await expect(page.getByTestId("totp-key")).toHaveText(secret.match(/.{1,4}/g)!.join(" "));
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-mfa-setup-wrong-code");

  await page.getByRole("textbox", { name: "Verification code" }).fill(await totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  // Copying needs a script: not offered. Downloading is a plain link.
  await expect(page.getByRole("button", { name: "Copy codes" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Download codes" })).toHaveAttribute("download", "provider-portal-recovery-codes.txt");
  await expectAccessibleWithoutScript(page);
  await page.getByRole("button", { name: "Continue" }).click();
  return secret;
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  await expect(page.getByText("You have signed out.")).toBeVisible();
}

test("create account, activate, sign in, set up an authenticator, associate, accept the agreement, link an account; sign in again with the challenge", async ({ page, context }) => {
  const p = newPerson("nojs");
  const provider = await createPractitioner("Lena", "Marsh");
  const second = await createPractitioner("Omar", "Quint");

  // Create Account: the server names every missing field, then a common password.
  await page.goto("/register");
  await expect(page.getByRole("button", { name: "Register" })).toBeEnabled();
  await page.getByRole("button", { name: "Register" }).click();
  await expect(summary(page)).toContainText("There are problems with 6 fields");
  await expect(page.locator("#firstName-error")).toHaveText("Enter your first name");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-register-errors");
  await fillRegistration(page, { ...p, password: "Password123!" });
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.locator("#password-error")).toHaveText("This password is too common. Choose one that is harder to guess.");
  // What was typed comes back (never the password).
  await expect(page.getByLabel("Email")).toHaveValue(p.email);
  await expect(page.getByLabel("First name")).toHaveValue(p.firstName);
  await expect(page.getByLabel("Security question")).toHaveValue(p.securityQuestion);
  await expect(page.getByRole("textbox", { name: "Password", exact: true })).toHaveValue("");
  await fillRegistration(page, p);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { name: "Verification email sent. To finish signing in, check your email." })).toBeVisible();
  await page.goto(linkIn(await waitForMessage(p.email, "activation")));
  await expect(page.getByText("Your account is activated. Sign in to continue.")).toBeVisible();

  // Sign in posts to next-auth; a wrong password comes back worded by the server.
  await signInWith(page, p.email, "Wrong-Harbor-1!");
  await expect(page).toHaveURL(/\/login\?error=invalid/);
  await expect(summary(page)).toHaveText("The email or password is incorrect.");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-login-wrong-password");
  await signInWith(page, p.email, p.password);

  const secret = await setUpAuthenticatorWithoutScript(page);
  await expect(page).toHaveURL(/\/associate/);

  // Associate Provider: both name sets are shown (the type cannot swap them without a script).
  await expect(page.getByLabel("Group Name (Group only)")).toBeVisible();
  await fillProvider(page, provider, { taxId: "12-34" });
  await expect(page.locator("#taxId-error")).toHaveText("Enter the Tax ID as 9 digits, like 12-3456789");
  await expect(page.getByLabel("Provider ID/Billing Number")).toHaveValue(provider.providerNumber);
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-associate-field-error");
  await fillProvider(page, provider, { providerNumber: "0000000001" });
  await expect(page.getByRole("alert").filter({ hasText: "The provider does not exist in Provider Portal" })).toBeVisible();
  await expectAccessibleWithoutScript(page);
  await fillProvider(page, provider);
  await expect(page).toHaveURL(/\/associate\/agreement$/);

  // The Provider Agreement: Next without the box is refused on the field.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#accept-error")).toHaveText("Check the box to accept the Provider Agreement");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-agreement-error");
  await page.getByRole("checkbox", { name: "I have read and accept the Provider Agreement" }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("region", { name: "Active provider" })).toContainText("Lena Marsh");

  // Link Account, both steps, to the linked accounts.
  await page.getByRole("link", { name: "Link Account" }).click();
  await fillProvider(page, second);
  await expect(page).toHaveURL(/\/accounts\/link\/agreement$/);
  await page.getByRole("checkbox", { name: "I have read and accept the Provider Agreement" }).check();
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page).toHaveURL(/\/accounts\?linked=1$/);
  await expect(page.getByRole("main")).toContainText("Omar Quint");

  // Sign out ends the session on the server.
  const [session] = await e2eSql()<{ id: string }[]>`
    select s.id from sessions s join users u on u.id = s.user_id where u.email = ${p.email} and s.revoked_at is null order by s.created_at desc limit 1`;
  await signOut(page);
  const [ended] = await e2eSql()<{ revoked_at: Date | null }[]>`select revoked_at from sessions where id = ${session!.id}`;
  expect(ended!.revoked_at).not.toBeNull();

  // The challenge: a wrong code is counted, the right one with "do not challenge me" trusts this browser.
  await signInWith(page, p.email, p.password);
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  await page.getByRole("textbox", { name: "Verification code" }).fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("#code-error")).toHaveText("That code is not right. 4 tries left before you must sign in again.");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-mfa-challenge-wrong-code");
  await page.getByRole("textbox", { name: "Verification code" }).fill(await totpCode(secret));
  await page.getByRole("checkbox", { name: "Do not challenge me on this device for the next 30 days" }).check();
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/home$/);
  expect((await context.cookies()).map((c) => c.name)).toContain(TRUSTED_DEVICE_COOKIE);

  // Trusted now: the password alone.
  await signOut(page);
  await signInWith(page, p.email, p.password);
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toHaveCount(0);
});

test("sign-in failures are worded by the server: the lockout warning, the lock, and where the person was going", async ({ page }) => {
  const p = newPerson("nojslock");
  await registerAndActivate(page, p);

  await page.goto("/login?next=/settings/security");
  await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("/settings/security");
  const said: string[] = [];
  for (let i = 1; i <= 4; i++) {
    await signInWith(page, p.email, `Wrong-Harbor-${i}!`);
    said.push(await summary(page).innerText());
    // next-auth drops the callbackUrl on failure; the page takes it back from its cookie.
    await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("/settings/security");
  }
  expect(said).toEqual([
    "The email or password is incorrect.",
    "The email or password is incorrect.",
    "The email or password is incorrect. 2 tries left before the account is locked for 24 hours.",
    "The email or password is incorrect. 1 try left before the account is locked for 24 hours.",
  ]);
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-login-lockout-warning");
  await signInWith(page, p.email, "Wrong-Harbor-5!");
  await expect(summary(page)).toContainText("Your account is locked");

  // An unknown email is warned the same way.
  const ghost = newPerson("nojsghost");
  for (let i = 1; i <= 3; i++) await signInWith(page, ghost.email, `Wrong-Harbor-${i}!`);
  await expect(summary(page)).toHaveText("The email or password is incorrect. 2 tries left before the account is locked for 24 hours.");

  // Not activated: the message and the resend link.
  const fresh = newPerson("nojsfresh");
  await page.goto("/register");
  await fillRegistration(page, fresh);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { name: /Verification email sent/ })).toBeVisible();
  await signInWith(page, fresh.email, fresh.password);
  await expect(summary(page)).toContainText("Your account is not activated yet");
  await expect(page.getByRole("link", { name: "Resend activation email" }).first()).toBeVisible();
});

test("resend activation, forgot password and reset password without JavaScript", async ({ page }) => {
  const p: Person = newPerson("nojsreset");
  await registerAndActivate(page, p);

  await page.goto("/resend-activation");
  await page.getByRole("button", { name: "Send activation email" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter your email");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-resend-activation-error");
  await page.getByLabel("Email").fill("someone@");
  await page.getByRole("button", { name: "Send activation email" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address, like name@example.com");
  await expect(page.getByLabel("Email")).toHaveValue("someone@");
  await page.getByLabel("Email").fill(newPerson("nojsnobody").email);
  await page.getByRole("button", { name: "Send activation email" }).click();
  await expect(page.getByText("If that email has an account waiting for activation")).toBeVisible();

  await page.goto("/forgot-password");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter your email");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-forgot-password-error");
  await page.getByLabel("Email").fill(p.email);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("If that email has an account, we sent it a link")).toBeVisible();

  await page.goto(linkIn(await waitForMessage(p.email, "password-reset")));
  await expect(page.getByRole("heading", { name: "Reset password" })).toBeVisible();
  const fresh = `${p.password}Zz`;
  await page.getByRole("textbox", { name: "New password", exact: true }).fill(fresh);
  await page.getByLabel("Confirm new password").fill(`${fresh}x`);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.locator("#confirmPassword-error")).toHaveText("Passwords do not match");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-reset-password-error");
  await page.getByRole("textbox", { name: "New password", exact: true }).fill(fresh);
  await page.getByLabel("Confirm new password").fill(fresh);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(page.getByText("Your password was changed. Sign in with your new password.")).toBeVisible();
  await signInWith(page, p.email, fresh);
  await expect(page.getByRole("heading", { name: "Set Up Multifactor Authentication" })).toBeVisible();
});

test("Request Access for New User without JavaScript: no dead magnifier, errors from the server, the NPI typed directly", async ({ page }) => {
  const provider = await createPractitioner("Ines", "Varga");
  const admin = await createProviderAdmin(provider.id);
  const p = newPerson("nojsrequest");

  await page.goto("/request-access");
  await expect(page.getByRole("button", { name: "Search for a provider" })).toHaveCount(0);
  await expect(page.getByText("Enter the NPI or the Provider name.")).toBeVisible();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(summary(page)).toContainText("There are problems with 9 fields");
  await expect(page.locator("#program-error")).toHaveText("Choose a Program");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-request-access-errors");

  await page.getByRole("radio", { name: "Medicaid" }).check();
  await page.getByRole("combobox", { name: "State", exact: true }).selectOption("OH");
  await page.getByRole("textbox", { name: "NPI", exact: true }).fill("1234567890");
  await fillRequester(page, p);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.locator("#npi-error")).toHaveText("No provider registered in the web portal matches. Use the search to find it.");
  // Everything typed is there again.
  await expect(page.getByRole("radio", { name: "Medicaid" })).toBeChecked();
  await expect(page.getByRole("combobox", { name: "State", exact: true })).toHaveValue("OH");
  await expect(page.getByRole("textbox", { name: "Reason for requesting access" })).toHaveValue(/I schedule visits/);
  await expect(page.getByRole("textbox", { name: "Phone number line number" })).toHaveValue("0142");
  await expectAccessibleWithoutScript(page);

  await page.getByRole("textbox", { name: "NPI", exact: true }).fill(provider.npi);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: "Request submitted" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(p.email);
  await waitForMessage(admin.email, "access-request-admin");
});

test("an invitation without JavaScript: Create Account shows the invited email fixed, and the agreement opens the provider", async ({ page }) => {
  const provider = await createPractitioner("Rhea", "Calder");
  const admin = await createProviderAdmin(provider.id);
  const p = newPerson("nojsinvitee");
  const token = `nojs${Date.now().toString(36)}${"x".repeat(24)}`;
  await e2eSql()`
    insert into invitations (provider_id, email, first_name, last_name, role, permissions, token_hash, status, invited_by_user_id, expires_at)
    values (${provider.id}, ${p.email}, ${p.firstName}, ${p.lastName}, 'user', '{claims_view}', ${hashToken(token)}, 'pending', ${admin.id}, now() + interval '7 days')`;

  await page.goto(`/invitations/accept?token=${token}`);
  await expect(page.getByRole("heading", { level: 1, name: "Join Rhea Calder" })).toBeVisible();
  await page.getByRole("link", { name: "Create Account" }).click();
  await expect(page).toHaveURL(/\/register$/);
  const email = page.getByLabel("Email");
  await expect(email).toHaveValue(p.email);
  await expect(email).toHaveAttribute("readonly", "");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-register-invited");
  await fillRegistration(page, p);
  // A changed email (the field edited outside the page) is ignored: the account is the invited one.
  await email.evaluate((el: HTMLInputElement, other) => {
    el.removeAttribute("readonly");
    el.value = other;
  }, "someone.else@e2e.example");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { name: /Verification email sent/ })).toBeVisible();
  expect((await e2eSql()`select count(*)::int as n from users where email = 'someone.else@e2e.example'`)[0]!.n).toBe(0);
  await page.goto(linkIn(await waitForMessage(p.email, "activation")));
  await signInWith(page, p.email, p.password);
  await setUpAuthenticatorWithoutScript(page);

  // Back to the invitation: the agreement, refused without the box, then accepted.
  await expect(page).toHaveURL(/\/invitations\/accept/);
  await page.getByRole("button", { name: "Accept and continue" }).click();
  await expect(page.locator("#accept-error")).toHaveText("Check the box to accept the Provider Agreement");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-invitation-agreement-error");
  await page.getByRole("checkbox", { name: "I have read and accept the Provider Agreement" }).check();
  await page.getByRole("button", { name: "Accept and continue" }).click();
  await expect(page).toHaveURL(/\/home\?joined=1$/);
  await expect(page.getByText("You joined Rhea Calder. It is now your active provider.")).toBeVisible();
});

test("security settings without JavaScript: confirm it's you, change the password, change the security question", async ({ page }) => {
  const p = newPerson("nojssettings");
  await registerAndActivate(page, p);
  await signInWith(page, p.email, p.password);
  await setUpAuthenticatorWithoutScript(page);
  // Make the last verification old, as if 10 minutes had passed.
  await e2eSql()`update sessions set last_verified_at = now() - interval '1 hour' where user_id = (select id from users where email = ${p.email})`;

  await page.goto("/settings/security");
  await page.getByLabel("Password").fill("Not-The-Password-1!");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.locator("#reverify-password-error")).toHaveText("That password is not right");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-reverify-error");
  await page.getByLabel("Password").fill(p.password);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();

  await page.getByLabel("Current password").fill("Not-The-Password-1!");
  await page.getByRole("textbox", { name: "New password", exact: true }).fill(`${p.password}Qq`);
  await page.getByLabel("Confirm new password").fill(`${p.password}Qq`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#currentPassword-error")).toBeVisible();
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-change-password-error");
  await page.getByLabel("Current password").fill(p.password);
  await page.getByRole("textbox", { name: "New password", exact: true }).fill(`${p.password}Qq`);
  await page.getByLabel("Confirm new password").fill(`${p.password}Qq`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed. Your other sessions were signed out.")).toBeVisible();

  const question = page.getByRole("combobox", { name: "Security question" });
  await question.selectOption("What was the name of your first pet?");
  await page.getByLabel("Security answer").fill("x");
  await page.getByRole("button", { name: "Change security question" }).click();
  await expect(page.locator("#securityAnswer-error")).toBeVisible();
  await expect(question).toHaveValue("What was the name of your first pet?");
  await page.getByLabel("Security answer").fill("Biscuit");
  await page.getByRole("button", { name: "Change security question" }).click();
  await expect(page.getByText("Your security question was changed.")).toBeVisible();
});

test("security settings without JavaScript: remove a method, new recovery codes, revoke a device, end a session, sign out everywhere", async ({ page }) => {
  const p = newPerson("nojsbuttons");
  await registerAndActivate(page, p);
  await signInWith(page, p.email, p.password);
  await setUpAuthenticatorWithoutScript(page);
  // A second method, a trusted device and a session in another browser, as if made earlier.
  const sql = e2eSql();
  const userId = (await sql<{ id: string }[]>`select id from users where email = ${p.email}`)[0]!.id;
  await sql`insert into mfa_factors (user_id, type, confirmed_at) values (${userId}, 'email', now())`;
  await sql`insert into trusted_devices (user_id, token_hash, user_agent, expires_at) values (${userId}, ${hashToken(`nojs-device-${p.email}`)}, 'Mozilla/5.0 (Windows NT 10.0) Firefox/128.0', now() + interval '30 days')`;
  await sql`insert into sessions (user_id, expires_at, ip, user_agent, mfa_verified_at) values (${userId}, now() + interval '8 hours', '203.0.113.77', 'Mozilla/5.0 (Macintosh; Mac OS X 14_0) Safari/605.1', now())`;

  await page.goto("/settings/security");
  await expect(page.getByRole("cell", { name: "Email code", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Remove Email code" }).click();
  await expect(page.getByRole("cell", { name: "Email code", exact: true })).toHaveCount(0);
  await expect(page.getByText("Your only method")).toBeVisible();

  await page.getByRole("button", { name: "Create new recovery codes" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText("10 of 10 recovery codes left.")).toBeVisible();

  // Ten minutes later the password is asked again before anything changes.
  await sql`update sessions set last_verified_at = now() - interval '1 hour' where user_id = ${userId}`;
  const revoke = page.getByRole("button", { name: /^Revoke Firefox on Windows trusted / });
  await revoke.click();
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await expectAccessibleWithoutScript(page);
  await page.getByLabel("Password").fill(p.password);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(revoke).toBeVisible();
  await revoke.click();
  await expect(page.getByText("No device skips the verification step.")).toBeVisible();
  await snap(page, "nojs-security-settings-after-revoke");

  await page.getByRole("button", { name: /^Sign out session from 203\.0\.113\.77 / }).click();
  await expect(page.getByText("203.0.113.77")).toHaveCount(0);
  const [live] = await sql<{ count: number }[]>`select count(*)::int as count from sessions where user_id = ${userId} and revoked_at is null`;
  expect(live!.count).toBe(1);

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/settings/security");
  await expect(page).toHaveURL(/\/login/);
});

/** An administrator of a new provider, signed up with JavaScript (that path has its own specs), then working in `page` without it. */
async function administratorWithoutScript(page: Page, browser: Browser, prefix: string) {
  const signUp = await browser.newContext({ javaScriptEnabled: true, extraHTTPHeaders: { "x-forwarded-for": clientIp() } });
  const admin = await adminOfNewProvider(await signUp.newPage(), prefix);
  await page.context().addCookies(await signUp.cookies());
  await signUp.close();
  return admin;
}

test("access requests without JavaScript: Approve and Deny open as pages of their own, errors and outcomes come from the server", async ({ page, browser }) => {
  const { provider } = await administratorWithoutScript(page, browser, "nojsdecide");
  const toApprove = await insertAccessRequest(provider.id);
  const toDeny = await insertAccessRequest(provider.id);
  const dialogFor = (decision: "Approve" | "Deny", r: { firstName: string; lastName: string }) => page.getByRole("dialog", { name: `${decision} request from ${r.firstName} ${r.lastName}` });

  await page.goto("/users/requests");
  await expect(page.getByRole("heading", { name: "Pending requests (2)" })).toBeVisible();
  await page.getByRole("button", { name: `Approve request from ${toApprove.email}` }).click();
  await expect(page).toHaveURL(new RegExp(`/users/requests\\?approve=${toApprove.id}$`));
  const approve = dialogFor("Approve", toApprove);
  await expect(approve.getByRole("radio", { name: "User", exact: true })).toBeChecked();
  // A User with no permission is refused on the field, by the server.
  await approve.getByRole("button", { name: "Approve and send email" }).click();
  await expect(approve).toContainText("Choose at least one permission");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-approve-error");
  await approve.getByRole("checkbox", { name: "Claims view", exact: true }).check();
  await approve.getByRole("checkbox", { name: "Remittance", exact: true }).check();
  await approve.getByRole("button", { name: "Approve and send email" }).click();
  await expect(approve.getByRole("status")).toHaveText(
    `Approved the request from ${toApprove.firstName} ${toApprove.lastName} as User with Claims view, Remittance. ${toApprove.email} was emailed a link to create their account.`,
  );
  await expectAccessibleWithoutScript(page);
  await approve.getByRole("link", { name: "Close" }).last().click();
  await expect(page).toHaveURL(/\/users\/requests$/);
  await expect(page.getByRole("heading", { name: "Pending requests (1)" })).toBeVisible();
  await waitForMessage(toApprove.email, "access-request-approved");

  await page.getByRole("button", { name: `Deny request from ${toDeny.email}` }).click();
  const deny = dialogFor("Deny", toDeny);
  const reason = deny.getByLabel("Reason (optional, included in the email)");
  await reason.fill("x".repeat(501));
  await deny.getByRole("button", { name: "Deny request" }).click();
  await expect(deny).toContainText("Reason must be at most 500 characters");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveValue("x".repeat(501));
  await expectAccessibleWithoutScript(page);
  await reason.fill("We could not confirm that you work here.");
  await deny.getByRole("button", { name: "Deny request" }).click();
  await expect(deny.getByRole("status")).toHaveText(`Denied the request from ${toDeny.firstName} ${toDeny.lastName}. ${toDeny.email} was emailed the decision.`);
  await deny.getByRole("link", { name: "Close" }).last().click();
  await expect(page.getByRole("heading", { name: "Pending requests (0)" })).toBeVisible();
  await snap(page, "nojs-requests-decided");

  // A stale address for a decided request: the dialog says so and nothing changes.
  await page.goto(`/users/requests?approve=${toDeny.id}`);
  await dialogFor("Approve", toDeny).getByRole("checkbox", { name: "Claims view", exact: true }).check();
  await dialogFor("Approve", toDeny).getByRole("button", { name: "Approve and send email" }).click();
  await expect(dialogFor("Approve", toDeny)).toContainText("This request was already decided.");
  await dialogFor("Approve", toDeny).getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/users\/requests$/);
  const rows = await e2eSql()<{ id: string; status: string; granted_permissions: string[] | null; denial_reason: string | null }[]>`
    select id, status, granted_permissions, denial_reason from access_requests where id in (${toApprove.id}, ${toDeny.id})`;
  expect(rows.find((r) => r.id === toApprove.id)).toMatchObject({ status: "approved", granted_permissions: ["claims_view", "remittance"] });
  expect(rows.find((r) => r.id === toDeny.id)).toMatchObject({ status: "denied", denial_reason: "We could not confirm that you work here." });
});

test("Users and Invitations tabs without JavaScript: edit, Make Admin and Revoke asked on a page of their own, Restore, Resend and Cancel", async ({ page, browser }) => {
  const { person: admin, provider } = await administratorWithoutScript(page, browser, "nojsusers");
  const member = await createProviderMember(provider.id, "user", ["claims_view"], { firstName: "Noor", lastName: "Script" });
  const stored = async () => (await e2eSql()<{ role: string; permissions: string[]; status: string }[]>`select role, permissions, status from provider_memberships where user_id = ${member.id}`)[0]!;
  const row = (email: string) => page.getByRole("table", { name: "Users of this provider" }).getByRole("row").filter({ hasText: email });

  await page.goto("/users");
  await row(member.email).getByRole("button", { name: `Edit Role and Permissions for ${member.email}` }).click();
  await expect(page).toHaveURL(/\/users\?edit=[0-9a-f-]{36}$/);
  const edit = page.getByRole("dialog", { name: `Edit Role and Permissions: ${member.name}` });
  await expect(edit.getByRole("checkbox", { name: "Claims view", exact: true })).toBeChecked();
  await edit.getByRole("checkbox", { name: "Remittance", exact: true }).check();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("status")).toHaveText(`Saved. ${member.name} (${member.email}) is now User with Claims view, Remittance.`);
  await expectAccessibleWithoutScript(page);
  await edit.getByRole("link", { name: "Close" }).last().click();
  await expect(row(member.email).getByRole("cell").nth(2)).toHaveText("Claims view, Remittance");

  // Make Admin asks first, on a page of its own; Cancel changes nothing.
  await row(member.email).getByRole("button", { name: `Make Admin: ${member.email}` }).click();
  await expect(page).toHaveURL(/\/users\?confirm=make-admin&id=[0-9a-f-]{36}$/);
  const ask = page.getByRole("alertdialog", { name: `Make ${member.name} an administrator?` });
  await expect(ask).toContainText(`${member.email} will hold every permission for this provider`);
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-make-admin-confirmation");
  await ask.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/users$/);
  expect(await stored()).toMatchObject({ role: "user" });
  await row(member.email).getByRole("button", { name: `Make Admin: ${member.email}` }).click();
  await ask.getByRole("button", { name: "Make Admin" }).click();
  // Done, the browser is sent back to the tab's plain address (not one that asks again).
  await expect(page).toHaveURL(/\/users$/);
  await expect(row(member.email).getByRole("cell").nth(1)).toHaveText("Administrator");
  expect(await stored()).toMatchObject({ role: "admin", permissions: ["claims_view", "remittance"] });

  // Revoke, confirmed; then Restore, which asks nothing.
  await row(member.email).getByRole("button", { name: `Revoke User: ${member.email}` }).click();
  await page.getByRole("alertdialog", { name: `Revoke ${member.name}'s access?` }).getByRole("button", { name: "Revoke User" }).click();
  await expect(row(member.email)).toContainText("Revoked");
  await row(member.email).getByRole("button", { name: `Restore User: ${member.email}` }).click();
  await expect(row(member.email)).toContainText("Active");
  expect(await stored()).toMatchObject({ role: "admin", status: "active" });

  // A refusal is said in the question, which stays open: the member, now the other administrator, is revoked elsewhere first.
  await e2eSql()`update provider_memberships set status = 'revoked', revoked_at = now() where user_id = ${member.id}`;
  await row(admin.email).getByRole("button", { name: `Revoke User: ${admin.email}` }).click();
  const revokeSelf = page.getByRole("alertdialog", { name: /^Revoke .*'s access\?$/ });
  await revokeSelf.getByRole("button", { name: "Revoke User" }).click();
  await expect(revokeSelf.getByRole("alert")).toHaveText("This is the provider's last active administrator. Make someone else an administrator first.");
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-revoke-refused");

  // Invite New User: one person per send without JavaScript; problems come back on their fields with what was typed.
  await page.goto("/users/invitations");
  await page.getByRole("button", { name: "Invite New User" }).click();
  await expect(page).toHaveURL(/\/users\/invitations\?invite=1$/);
  const invite = page.getByRole("dialog", { name: "Invite New User" });
  await invite.getByRole("button", { name: "Send Invitation" }).click();
  await expect(invite.locator("#invite-email-error")).toBeVisible();
  const invitee = `nojs-invitee-${member.id}@e2e.example`;
  await invite.getByLabel("Email").fill(invitee);
  await invite.getByLabel("ZIP Code").fill("99999");
  await invite.getByLabel("First Name").fill("Ira");
  await invite.getByLabel("Last Name").fill("Invitee");
  await invite.getByRole("checkbox", { name: "Remittance", exact: true }).check();
  await invite.getByRole("button", { name: "Send Invitation" }).click();
  await expect(invite.locator("#invite-zip-error")).toHaveText(INVITE_ROW_MESSAGES.wrong_zip);
  await expect(invite.getByLabel("Email")).toHaveValue(invitee);
  await expectAccessibleWithoutScript(page);
  await snap(page, "nojs-invite-wrong-zip");
  await invite.getByLabel("ZIP Code").fill(provider.zips[0]!);
  await invite.getByRole("checkbox", { name: "Remittance", exact: true }).check();
  await invite.getByRole("button", { name: "Send Invitation" }).click();
  await expect(invite.getByRole("status")).toHaveText(`Invitation sent to ${invitee}. Invite another person below, or close.`);
  await expect(invite.getByLabel("Email")).toHaveValue("");
  await waitForMessage(invitee, "invitation");
  await invite.getByRole("link", { name: "Close" }).last().click();
  await expect(page).toHaveURL(/\/users\/invitations$/);

  // Resend, and Cancel after its question.
  await page.getByRole("button", { name: `Resend invitation to ${invitee}` }).click();
  await expect.poll(() => countMessages(invitee, "invitation")).toBe(2);
  await page.getByRole("button", { name: `Cancel invitation to ${invitee}` }).click();
  const cancel = page.getByRole("alertdialog", { name: `Cancel the invitation to ${invitee}?` });
  await cancel.getByRole("button", { name: "Cancel invitation" }).click();
  await expect(page.getByRole("row").filter({ hasText: invitee })).toContainText("Cancelled");
  const [cancelled] = await e2eSql()<{ status: string }[]>`select status from invitations where email = ${invitee}`;
  expect(cancelled).toMatchObject({ status: "cancelled" });
});
