import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

/**
 * An authenticator app for the tests: reads the key the page shows and computes codes with
 * otpauth. A code is never used twice in one 30-second step (the portal refuses replays), so a
 * second code in the same step waits for the next one.
 */
const lastStep = new Map<string, number>();

export async function totpCode(secret: string): Promise<string> {
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  let step = Math.floor(Date.now() / 30_000);
  if ((lastStep.get(secret) ?? -1) >= step) {
    await new Promise((r) => setTimeout(r, (step + 1) * 30_000 - Date.now() + 200));
    step = Math.floor(Date.now() / 30_000);
  }
  lastStep.set(secret, step);
  return totp.generate({ timestamp: step * 30_000 + 1000 });
}

/** On "Set Up Multifactor Authentication": enrol an authenticator app; returns its key and the recovery codes. */
export async function setUpAuthenticator(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page.getByRole("heading", { name: "Set Up Multifactor Authentication" })).toBeVisible();
  await page.getByRole("radio", { name: /Authenticator app/ }).check();
  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  await expect(page.getByText("Can't scan? Enter this key")).toBeVisible();
  const secret = (await page.getByTestId("totp-key").innerText()).replace(/\s/g, "");
  await page.getByRole("textbox", { name: "Verification code" }).fill(await totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  const recoveryCodes = await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allInnerTexts();
  return { secret, recoveryCodes };
}

/** On the sign-in challenge: enter the authenticator code. */
export async function passChallenge(page: Page, secret: string, options: { trustDevice?: boolean } = {}) {
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  await page.getByRole("textbox", { name: "Verification code" }).fill(await totpCode(secret));
  if (options.trustDevice) await page.getByRole("checkbox", { name: "Do not challenge me on this device for the next 30 days" }).check();
  await page.getByRole("button", { name: "Verify" }).click();
}
