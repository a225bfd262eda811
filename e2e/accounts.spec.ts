import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2eSql } from "./support/db";
import { countMessages, linkIn, waitForMessage } from "./support/mail";
import { fillRegistration, newPerson, registerAndActivate, signInWith } from "./support/people";

// Each test comes from its own client address, so per-IP limits apply to it alone.
test.use({ extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 200) + 20}` } });

test("create account, activate from the email, sign in, sign out", async ({ page }) => {
  const p = newPerson("activate");
  await page.goto("/register");
  await expect(page.getByRole("heading", { name: "Create Account" })).toBeVisible();
  await expect(page.getByText("indicates required field")).toBeVisible();
  await expectAccessible(page);
  await fillRegistration(page, p);
  // The live checklist shows every rule met.
  await expect(page.getByText("All password rules are met.")).toBeAttached();
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { name: "Verification email sent. To finish signing in, check your email." })).toBeVisible();
  await expectAccessible(page);

  // Signing in before activating says so and offers a new link.
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await signInWith(page, p.email, p.password);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Your account is not activated yet");
  await expect(page.getByRole("link", { name: "Resend activation email" }).first()).toBeVisible();

  const mail = await waitForMessage(p.email, "activation");
  expect(mail.subject).toBe("Activate Account");
  await page.goto(linkIn(mail));
  await expect(page).toHaveURL(/\/login\?activated=1$/);
  await expect(page.getByText("Your account is activated. Sign in to continue.")).toBeVisible();

  await signInWith(page, p.email, p.password);
  // The first sign-in goes to multifactor setup; nothing else in the portal is reachable before it.
  await expect(page.getByRole("heading", { name: "Set Up Multifactor Authentication" })).toBeVisible();
  await page.goto("/home");
  await expect(page.getByRole("heading", { name: "Set Up Multifactor Authentication" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login/);

  // The activation link works once.
  await page.goto(linkIn(mail));
  await expect(page.getByText("We could not activate your account")).toBeVisible();
  await expect(page.getByText("That activation link was already used")).toBeVisible();
  await expectAccessible(page);
});

test("the registration form names every bad field and saves nothing", async ({ page }) => {
  const p = newPerson("fields");
  await page.goto("/register");
  await page.getByRole("button", { name: "Register" }).click();
  const summary = page.getByRole("main").getByRole("alert");
  await expect(summary).toContainText("There are problems with 6 fields");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#firstName-error")).toHaveText("Enter your first name");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-describedby", /email-error/);

  await fillRegistration(page, { ...p, password: "short" });
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address, like name@example.com");
  await expect(page.locator("#password-error")).toContainText("at least 12 characters");
  await expectAccessible(page);

  // A password containing the email's username is refused on the field.
  const local = p.email.split("@")[0]!;
  await page.getByLabel("Email").fill(p.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(`x!9${local.toUpperCase()}`);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.locator("#password-error")).toHaveText("Password must not contain your email's username");

  // The common-password list is checked on the server.
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("Password123!");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.locator("#password-error")).toHaveText("This password is too common. Choose one that is harder to guess.");
  const rows = await e2eSql()`select count(*)::int as n from users where email = ${p.email}`;
  expect(rows[0]!.n).toBe(0);
  expect(await countMessages(p.email)).toBe(0);
});

test("registering an email that already has an account shows the same screen and mails the owner", async ({ page }) => {
  const p = newPerson("twice");
  await registerAndActivate(page, p);
  await page.goto("/register");
  await fillRegistration(page, { ...p, firstName: "Someone", password: "Other-Harbor-55!" });
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { name: "Verification email sent. To finish signing in, check your email." })).toBeVisible();
  const notice = await waitForMessage(p.email, "already-registered");
  expect(notice.body_text).toContain("you are already registered");
  const rows = await e2eSql()`select count(*)::int as n from users where email = ${p.email}`;
  expect(rows[0]!.n).toBe(1);
});

test("five wrong passwords lock the account; forgot password resets and unlocks it", async ({ page }) => {
  const p = newPerson("locked");
  await registerAndActivate(page, p);
  for (let i = 1; i <= 4; i++) {
    await signInWith(page, p.email, `Wrong-Harbor-${i}!`);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("The email or password is incorrect.");
  }
  await signInWith(page, p.email, "Wrong-Harbor-5!");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Your account is locked");
  // Even the right password is refused now.
  await signInWith(page, p.email, p.password);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Your account is locked");
  await waitForMessage(p.email, "account-locked");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Forgot Password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot password" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Email").fill(p.email);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("If that email has an account, we sent it a link")).toBeVisible();

  const mail = await waitForMessage(p.email, "password-reset");
  expect(mail.subject).toBe("Reset your Provider Portal password");
  await page.goto(linkIn(mail));
  await expect(page.getByRole("heading", { name: "Reset password" })).toBeVisible();
  await expectAccessible(page);
  // The current password is refused.
  await page.getByRole("textbox", { name: "New password", exact: true }).fill(p.password);
  await page.getByLabel("Confirm new password").fill(p.password);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.locator("#password-error")).toHaveText("Choose a password different from your current one");

  const fresh = `${p.password}Zz`;
  await page.getByRole("textbox", { name: "New password", exact: true }).fill(fresh);
  await page.getByLabel("Confirm new password").fill(fresh);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByText("Your password was changed. Sign in with your new password.")).toBeVisible();
  await waitForMessage(p.email, "password-changed");

  await signInWith(page, p.email, fresh);
  await expect(page.getByRole("heading", { name: "Set Up Multifactor Authentication" })).toBeVisible();

  // The reset link works once.
  await page.goto(linkIn(mail));
  await expect(page.getByText("This reset link was already used")).toBeVisible();
});

test("forgot password answers the same for an unknown email and sends nothing", async ({ page }) => {
  const ghost = newPerson("ghost");
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(ghost.email);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("If that email has an account, we sent it a link")).toBeVisible();
  expect(await countMessages(ghost.email)).toBe(0);
});

test("a password reset signs out the other sessions", async ({ page, browser }) => {
  const p = newPerson("revoke");
  await registerAndActivate(page, p);
  await signInWith(page, p.email, p.password);
  await expect(page.getByRole("heading", { name: "Set Up Multifactor Authentication" })).toBeVisible();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/forgot-password");
  await otherPage.getByLabel("Email").fill(p.email);
  await otherPage.getByRole("button", { name: "Submit" }).click();
  const mail = await waitForMessage(p.email, "password-reset");
  await otherPage.goto(linkIn(mail));
  await otherPage.getByRole("textbox", { name: "New password", exact: true }).fill(`${p.password}Yy`);
  await otherPage.getByLabel("Confirm new password").fill(`${p.password}Yy`);
  await otherPage.getByRole("button", { name: "Reset password" }).click();
  await expect(otherPage.getByText("Your password was changed.")).toBeVisible();
  await other.close();

  await page.reload();
  await expect(page).toHaveURL(/\/login\?expired=1/);
  await expect(page.getByText("Your session ended. Sign in again to continue.")).toBeVisible();
});

test("the help pages pass axe", async ({ page }) => {
  for (const path of ["/login", "/register/instructions", "/resend-activation", "/resend-activation?link=expired", "/reset-password?token=forged"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
});
