import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2eSql } from "./support/db";
import { passChallenge } from "./support/mfa";
import { signedUpPerson, newPerson, signInWith } from "./support/people";
import { clientIp } from "./support/users";

// The idle-timeout warning. The browser's clock is Playwright's (page.clock), so 28 minutes pass
// in an instant; the server keeps real time, so where the server must also see 30 idle minutes
// the test moves the session's last_seen_at back, as the passing time would.

test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp() } });

const warning = (page: Page) => page.getByRole("alertdialog", { name: "Your session is about to end" });

async function lastSeen(email: string): Promise<Date> {
  const [row] = await e2eSql()<{ last_seen_at: Date }[]>`
    select s.last_seen_at from sessions s join users u on u.id = s.user_id
    where u.email = ${email.toLowerCase()} and s.revoked_at is null order by s.created_at desc limit 1`;
  return row!.last_seen_at;
}

test("two minutes before the idle timeout a warning offers Stay signed in; unanswered, the session ends", async ({ page }) => {
  test.setTimeout(120_000);
  const person = newPerson("idle");
  const { secret } = await signedUpPerson(page, person);
  await page.clock.install();
  await page.goto("/settings/security");
  await expect(page.getByRole("heading", { name: "Security settings", level: 1 })).toBeVisible();
  const link = page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Security settings" });
  await link.focus();

  // Nothing at 27 minutes; the warning at 28, as an alert dialog holding the focus.
  await page.clock.fastForward("27:00");
  await expect(warning(page)).toHaveCount(0);
  await page.clock.fastForward("01:00");
  const dialog = warning(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(
    "You have not used the portal for a while. For your security, you will be signed out in 2 minutes unless you choose Stay signed in.",
  );
  await expect(dialog.getByRole("button", { name: "Stay signed in" })).toBeFocused();
  await expect(dialog.getByRole("timer")).toHaveText(/^(2:00|1:5\d)$/);
  // The countdown is not a live region: nothing is read out each second.
  await expect(dialog.locator("[aria-live]:not([aria-live='off'])")).toHaveCount(0);
  await page.clock.fastForward("00:30");
  await expect(dialog.getByRole("timer")).toHaveText(/^1:[23]\d$/);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/idle-timeout/warning-1280.png" });
  await page.setViewportSize({ width: 320, height: 720 });
  await expect(dialog.getByRole("button", { name: "Sign out" })).toBeInViewport();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/idle-timeout/warning-320.png" });

  // Stay signed in: the server's idle clock restarts, the dialog closes, focus returns.
  const before = await lastSeen(person.email);
  await dialog.getByRole("button", { name: "Stay signed in" }).click();
  await expect(warning(page)).toHaveCount(0);
  await expect(link).toBeFocused();
  await expect.poll(async () => (await lastSeen(person.email)).getTime()).toBeGreaterThan(before.getTime());

  // The next warning comes 28 minutes after that, not before.
  await page.clock.fastForward("27:30");
  await expect(warning(page)).toHaveCount(0);
  await page.clock.fastForward("00:30");
  await expect(warning(page)).toBeVisible();

  // Escape answers too (the person is there): it keeps the session, and pages still open.
  const beforeEscape = await lastSeen(person.email);
  await page.keyboard.press("Escape");
  await expect(warning(page)).toHaveCount(0);
  await expect.poll(async () => (await lastSeen(person.email)).getTime()).toBeGreaterThan(beforeEscape.getTime());
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Associate Your Account" }).click();
  await expect(page).toHaveURL(/\/associate$/);
  await expect(page.getByRole("region", { name: "Account ribbon" })).toBeVisible();
  await page.clock.fastForward("27:00");
  await expect(warning(page)).toHaveCount(0);
  await page.clock.fastForward("01:00");
  await expect(warning(page)).toBeVisible();

  // No answer: at 30 minutes the page goes to sign in, and the session is over on the server too.
  await e2eSql()`
    update sessions set last_seen_at = now() - interval '31 minutes'
    where user_id = (select id from users where email = ${person.email.toLowerCase()}) and revoked_at is null`;
  await page.clock.fastForward("02:00");
  await expect(page).toHaveURL(/\/login\?expired=1$/);
  await expect(page.getByText("Your session ended. Sign in again to continue.")).toBeVisible();
  await page.goto("/associate");
  await expect(page).toHaveURL(/\/login/);

  // Sign out from the warning.
  await signInWith(page, person.email, person.password);
  await passChallenge(page, secret);
  await expect(page).toHaveURL(/\/associate$/);
  await page.clock.fastForward("28:00");
  await warning(page).getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/associate");
  await expect(page).toHaveURL(/\/login/);
});
