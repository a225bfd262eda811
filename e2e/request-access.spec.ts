import { expect, test, type Page } from "@playwright/test";
import { createProviderAdmin } from "./support/admins";
import { expectAccessible } from "./support/axe";
import { e2eSql } from "./support/db";
import { countMessages, waitForMessage } from "./support/mail";
import { newPerson, type Person } from "./support/people";
import { createPractitioner } from "./support/registry";
import { fillRequester } from "./support/requests";

// Each test comes from its own client address, so per-IP limits apply to it alone.
test.use({ extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200) + 20}` } });

const PHONE_MESSAGE = "Enter a 10-digit phone number: 3, 3 and 4 digits";

/** Lower-case letters only, so a name search finds this test's providers and nobody else's. */
function letters(n = 8): string {
  return Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}


const stateSelect = (page: Page) => page.getByRole("combobox", { name: "State", exact: true });
const searchButton = (page: Page) => page.getByRole("button", { name: "Search for a provider" });
const searchDialog = (page: Page) => page.getByRole("dialog", { name: "Search for a provider" });

test("every missing or malformed field is named on the field; State is required only for Medicaid or Both", async ({ page }) => {
  const p = newPerson("reqfields");
  await page.goto("/login");
  await page.getByRole("link", { name: "Request Access for New User" }).click();
  await expect(page).toHaveURL(/\/request-access$/);
  await expect(page.getByRole("heading", { level: 1, name: "Request Access for New User" })).toBeVisible();
  for (const section of ["Coverage & State Details", "NPI or Provider Details", "Requestor Details"]) {
    await expect(page.getByRole("group", { name: section })).toBeVisible();
  }
  await expect(page.getByText("indicates required field")).toBeVisible();
  await expect(page.getByText("Providers not currently registered in the web portal will not show up in the list.").first()).toBeVisible();
  await expect(stateSelect(page)).not.toHaveAttribute("aria-required", "true");
  await expect(page.getByRole("textbox", { name: "Leave this field empty" })).toHaveCount(0);
  await expectAccessible(page);

  // Nothing typed: every required field has its message on the field and in the summary.
  await page.getByRole("button", { name: "Submit" }).click();
  const summary = page.getByRole("main").getByRole("alert");
  await expect(summary).toContainText("There are problems with 9 fields");
  await expect(summary.getByRole("link", { name: /^Phone Number:/ })).toHaveCount(1);
  await expect(page.locator("#program-error")).toHaveText("Choose a Program");
  await expect(page.getByRole("radiogroup", { name: "Program" })).toHaveAttribute("aria-invalid", "true");
  const required: Array<[string, string]> = [
    ["firstName", "Enter your first name"],
    ["lastName", "Enter your last name"],
    ["positionTitle", "Enter your position or title"],
    ["email", "Enter your email"],
    ["confirmEmail", "Confirm your email"],
    ["reason", "Enter the reason for requesting access"],
    ["npi", "Enter the NPI, search for the provider, or enter the Provider name"],
  ];
  for (const [id, message] of required) {
    await expect(page.locator(`#${id}-error`)).toHaveText(message);
    await expect(page.locator(`#${id}`)).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator(`#${id}`)).toHaveAttribute("aria-describedby", new RegExp(`${id}-error`));
  }
  await expect(page.locator("#phone-error")).toHaveText(PHONE_MESSAGE);
  await expect(page.getByRole("textbox", { name: "Phone number area code" })).toHaveAttribute("aria-describedby", "phone-error");
  await expect(page.locator("#state-error")).toHaveCount(0);
  await expectAccessible(page);

  // Medicaid and Both need a State; Medicare does not.
  await page.getByRole("radio", { name: "Medicaid" }).check();
  await expect(stateSelect(page)).toHaveAttribute("aria-required", "true");
  await page.getByRole("radio", { name: "Both" }).check();
  await expect(stateSelect(page)).toHaveAttribute("aria-required", "true");

  // Wrong formats.
  await fillRequester(page, p);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill("not-an-email");
  await page.getByRole("textbox", { name: "Confirm Email" }).fill("someone.else@e2e.example");
  await page.getByRole("textbox", { name: "Phone number area code" }).fill("61");
  await page.getByRole("textbox", { name: "Phone number prefix" }).fill("5a5");
  const reason = page.getByRole("textbox", { name: "Reason for requesting access" });
  await reason.fill("x".repeat(500));
  await expect(page.locator("#reason-count")).toHaveText("500 of 500 characters");
  await expect(page.locator("#reason-count")).not.toHaveClass(/text-red-700/);
  await reason.press("End");
  await reason.pressSequentially("y");
  await expect(reason).toHaveValue(`${"x".repeat(500)}y`);
  await expect(page.locator("#reason-count")).toHaveText("501 of 500 characters (1 too many)");
  await expect(page.locator("#reason-count")).toHaveClass(/text-red-700/);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.locator("#state-error")).toHaveText("Choose a State for Medicaid");
  await expect(page.locator("#npi-error")).toHaveText("Enter the NPI, search for the provider, or enter the Provider name");
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address, like name@example.com");
  await expect(page.locator("#confirmEmail-error")).toHaveText("Emails do not match");
  await expect(page.locator("#phone-error")).toHaveText(PHONE_MESSAGE);
  await expect(page.getByRole("textbox", { name: "Phone number area code" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: "Phone number line number" })).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#reason-error")).toHaveText("Reason must be at most 500 characters");
  await expectAccessible(page);

  // Medicare: no State needed. A malformed NPI is named.
  await page.getByRole("radio", { name: "Medicare" }).check();
  await expect(stateSelect(page)).not.toHaveAttribute("aria-required", "true");
  await page.getByRole("textbox", { name: "NPI", exact: true }).fill("12345");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.locator("#npi-error")).toHaveText("NPI must be 10 digits");
  await expect(page.locator("#state-error")).toHaveCount(0);

  // Reset empties the form and its messages; nothing was stored.
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(page.getByRole("textbox", { name: "First Name" })).toHaveValue("");
  await expect(reason).toHaveValue("");
  await expect(page.getByRole("radio", { name: "Medicare" })).not.toBeChecked();
  await expect(page.locator("#firstName-error")).toHaveCount(0);
  await expect(page.locator("#reason-count")).toHaveText("0 of 500 characters");
  const rows = await e2eSql()`select count(*)::int as n from access_requests where email = ${p.email}`;
  expect(rows[0]!.n).toBe(0);

  await page.getByRole("link", { name: "Back", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test("keyboard-only search picks a registered provider; submit, confirmation and both emails; the same request again changes nothing", async ({ page }) => {
  const tag = letters();
  const provider = await createPractitioner("Rowan", `Quill${tag}`);
  const admin = await createProviderAdmin(provider.id);
  const name = `Rowan Quill${tag}`;
  const p = newPerson("requester");

  await page.goto("/request-access");
  await page.getByRole("radio", { name: "Medicaid" }).check();
  await stateSelect(page).selectOption("OH");

  // Open the search from the keyboard, type, move down, choose with Enter.
  await page.getByRole("textbox", { name: "NPI", exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(searchButton(page)).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = searchDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute("aria-modal", "true");
  const combo = dialog.getByRole("combobox", { name: "Search by NPI, provider name or city" });
  await expect(combo).toBeFocused();
  await expect(combo).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.type(`quill${tag}`);
  const options = dialog.getByRole("option");
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText(name);
  await expect(options.first()).toContainText(`NPI ${provider.npi}`);
  await expect(options.first()).toContainText("Columbus");
  await expect(dialog.getByRole("status")).toHaveText("1 provider found");
  await expect(combo).toHaveAttribute("aria-expanded", "true");
  await expectAccessible(page);
  await page.keyboard.press("ArrowDown");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await expect(combo).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(searchButton(page)).toBeFocused();
  await expect(page.getByText(`Selected: ${name} (NPI ${provider.npi})`)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "NPI", exact: true })).toHaveValue(provider.npi);
  await expect(page.getByRole("textbox", { name: "Provider name" })).toHaveValue(name);

  await fillRequester(page, p);
  await page.getByRole("button", { name: "Submit" }).click();
  const heading = page.getByRole("heading", { name: "Request submitted" });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  const confirmation = page.getByRole("status").filter({ has: heading });
  await expect(confirmation).toContainText("They have 5 days to approve or deny it.");
  await expect(confirmation).toContainText("If they do not act within 5 days, the request is denied automatically.");
  await expectAccessible(page);

  const received = await waitForMessage(p.email, "access-request-received");
  expect(received.subject).toBe(`We received your access request for ${name}`);
  const adminMail = await waitForMessage(admin.email, "access-request-admin");
  expect(adminMail.body_text).toContain(`${p.firstName} ${p.lastName} asked for access to ${name}`);
  const stored = await e2eSql()`
    select status, program, state, position_title, phone, phone_extension, provider_id from access_requests where email = ${p.email}`;
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ status: "pending", program: "medicaid", state: "OH", position_title: "Office Manager", phone: "614-555-0142", phone_extension: "12", provider_id: provider.id });

  // The same request again, by NPI this time (as Associate Provider links here with ?npi=): the same
  // answer, no second request, no second email.
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(`/request-access?npi=${provider.npi}`);
  await expect(page.getByRole("textbox", { name: "NPI", exact: true })).toHaveValue(provider.npi);
  await page.getByRole("radio", { name: "Medicaid" }).check();
  await stateSelect(page).selectOption("OH");
  await fillRequester(page, p);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: "Request submitted" })).toBeVisible();
  const again = await e2eSql()`select count(*)::int as n from access_requests where email = ${p.email}`;
  expect(again[0]!.n).toBe(1);
  expect(await countMessages(p.email, "access-request-received")).toBe(1);
  expect(await countMessages(admin.email, "access-request-admin")).toBe(1);
});

test("a provider without an administrator is not listed and cannot be requested; mouse choice, clear and Escape", async ({ page }) => {
  const tag = letters();
  const registered = await createPractitioner("Sky", `Marsh${tag}`);
  await createProviderAdmin(registered.id);
  const unmanaged = await createPractitioner("Sam", `Marsh${tag}`);
  const p = newPerson("unmanaged");

  // Only a 10-digit NPI is taken from the address.
  await page.goto("/request-access?npi=12ab");
  await expect(page.getByRole("textbox", { name: "NPI", exact: true })).toHaveValue("");
  await searchButton(page).click();
  const dialog = searchDialog(page);
  const combo = dialog.getByRole("combobox", { name: "Search by NPI, provider name or city" });
  await combo.fill(`marsh${tag}`);
  const options = dialog.getByRole("option");
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText(`Sky Marsh${tag}`);

  await combo.fill(unmanaged.npi);
  await expect(dialog.getByRole("status")).toHaveText("No registered providers match");
  await expect(options).toHaveCount(0);
  await expect(combo).toHaveAttribute("aria-expanded", "false");

  // A click chooses too.
  await combo.fill(registered.npi);
  await expect(options).toHaveCount(1);
  await options.first().click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Selected: Sky Marsh${tag} (NPI ${registered.npi})`)).toBeVisible();

  // Clear selection empties what the choice filled.
  await page.getByRole("button", { name: "Clear selection" }).click();
  await expect(page.getByText(/^Selected:/)).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "NPI", exact: true })).toHaveValue("");
  await expect(page.getByRole("textbox", { name: "Provider name" })).toHaveValue("");
  await expect(searchButton(page)).toBeFocused();

  // Escape closes the dialog and focus returns to the magnifying glass.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(searchButton(page)).toBeFocused();

  // Typed by hand, the unmanaged provider is refused on its field and nothing is stored.
  await page.getByRole("radio", { name: "Medicare" }).check();
  await page.getByRole("textbox", { name: "Provider name" }).fill(`Sam Marsh${tag}`);
  await fillRequester(page, p);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.locator("#providerName-error")).toHaveText("No provider registered in the web portal matches. Use the search to find it.");
  await expect(page.getByRole("textbox", { name: "Provider name" })).toHaveAttribute("aria-invalid", "true");
  const rows = await e2eSql()`select count(*)::int as n from access_requests where email = ${p.email}`;
  expect(rows[0]!.n).toBe(0);
  expect(await countMessages(p.email)).toBe(0);
});
