import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2eSql } from "./support/db";
import { enterPortalAsNewPerson } from "./support/portal";
import { createProviderAdmin } from "./support/admins";
import { waitForMessage } from "./support/mail";
import { createGroup, createPractitioner, type TestProvider } from "./support/registry";
import { fillRequester } from "./support/requests";

// Each test comes from its own client address, so per-IP limits apply to it alone.
test.use({ extraHTTPHeaders: { "x-forwarded-for": `198.51.101.${Math.floor(Math.random() * 200) + 20}` } });

type Details = { type: "Practitioner" | "Group"; first?: string; last?: string; group?: string; taxId: string; providerNumber: string; zip: string };

function practitionerDetails(p: TestProvider, overrides: Partial<Details> = {}): Details {
  return { type: "Practitioner", first: p.firstName, last: p.lastName, taxId: p.taxId, providerNumber: p.providerNumber, zip: p.zips[0]!, ...overrides };
}

async function fillProvider(page: Page, d: Details) {
  await page.getByLabel("Provider Type").selectOption(d.type);
  if (d.type === "Practitioner") {
    await page.getByLabel("Practitioner's First Name").fill(d.first ?? "");
    await page.getByLabel("Practitioner's Last Name").fill(d.last ?? "");
  } else {
    await page.getByLabel("Group Name").fill(d.group ?? "");
  }
  await page.getByLabel("Tax ID").fill(d.taxId);
  await page.getByLabel("Provider ID/Billing Number").fill(d.providerNumber);
  await page.getByLabel("ZIP Code").fill(d.zip);
  await page.getByRole("button", { name: "Next" }).click();
}

/** Full-page screenshots for a person to look at, when E2E_SCREENSHOTS is set. */
async function snap(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `test-results/screens/associate-${name}.png`, fullPage: true });
}

async function acceptAgreement(page: Page, button: "Next" | "Finish") {
  await expect(page.getByRole("heading", { name: "Step 2 of 2 - Provider Agreement" })).toBeVisible();
  await page.getByRole("checkbox", { name: "I have read and accept the Provider Agreement" }).check();
  await page.getByRole("button", { name: button }).click();
}

test("associate as Practitioner: field errors, not found, mismatch, then the agreement and the portal home", async ({ page }) => {
  const provider = await createPractitioner("Dana", "Rivera");
  await enterPortalAsNewPerson(page, "assoc");

  // No provider yet: home and the linked-account pages lead to the association step.
  await page.goto("/home");
  await expect(page).toHaveURL(/\/associate$/);
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/associate$/);
  await expect(page.getByRole("heading", { name: "Step 1 of 2 - Provider Eligibility" })).toBeVisible();
  await expect(page.getByText("Explanation of Benefit (EOB) or Welcome Letter").first()).toBeVisible();
  await expect(page.getByText(/Group Payee ID/)).toBeVisible();
  await expect(page.getByLabel("Tax ID")).toHaveAttribute("aria-required", "true");
  await expectAccessible(page);
  await snap(page, "step1");

  // Nothing typed: every required field is named.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("main").getByRole("alert").first()).toContainText("There are problems with 6 fields");
  await expect(page.locator("#providerType-error")).toHaveText("Choose a Provider Type");
  await expect(page.getByLabel("ZIP Code")).toHaveAttribute("aria-describedby", /zip-error/);
  await expectAccessible(page);

  // Not found: no provider with that Provider ID and Tax ID, with the help-line numbers.
  await fillProvider(page, practitionerDetails(provider, { providerNumber: "0000000001" }));
  const notFound = page.getByRole("alert").filter({ hasText: "The provider does not exist in Provider Portal" });
  await expect(notFound).toBeVisible();
  await expect(notFound).toContainText("1-855-202-1058 (Medicaid) or 1-833-230-2030 (Marketplace)");
  await expectAccessible(page);
  await snap(page, "not-found");

  // Mismatch: found, but a detail differs; the message does not say which.
  await fillProvider(page, practitionerDetails(provider, { last: "Riviera" }));
  const mismatch = page.getByRole("alert").filter({ hasText: "The information does not match our records" });
  await expect(mismatch).toBeVisible();
  await expect(mismatch).not.toContainText("name");

  // Right details, typed loosely: case, spaces, no dash in the Tax ID, the practice ZIP+4.
  await fillProvider(page, practitionerDetails(provider, { first: "  dana ", last: "RIVERA", taxId: provider.taxId.replace("-", ""), zip: provider.zips[1]! }));
  await expect(page).toHaveURL(/\/associate\/agreement$/);
  await expect(page.getByText(`Provider ID ${provider.providerNumber}`)).toBeVisible();
  await expect(page.getByRole("region", { name: /Provider Agreement text/ })).toContainText("Protected health information");
  // Next without the checkbox is refused on the field.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#accept-error")).toHaveText("Check the box to accept the Provider Agreement");
  await expectAccessible(page);
  await snap(page, "agreement");
  await acceptAgreement(page, "Next");

  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { name: /^Welcome,/ })).toBeVisible();
  const active = page.getByRole("region", { name: "Active provider" });
  await expect(active).toContainText("Dana Rivera");
  await expect(active).toContainText(provider.npi);
  await expect(active).toContainText(provider.providerNumber);
  await expect(active).toContainText("Administrator");
  await expect(active.getByRole("listitem").filter({ hasText: "Claims submit" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Account ribbon" })).toContainText(`Active provider: Dana Rivera (${provider.providerNumber})`);
  await expectAccessible(page);

  const [acceptance] = await e2eSql()`
    select a.agreement_version, a.ip from agreement_acceptances a join providers p on p.id = a.provider_id where p.provider_number = ${provider.providerNumber}`;
  expect(acceptance).toMatchObject({ agreement_version: 1 });
  expect(acceptance!.ip).toMatch(/^198\.51\.101\./);
});

test("a provider that already has an administrator: no link, and an access request to its administrators instead", async ({ page }) => {
  const provider = await createPractitioner("Noor", "Haddad");
  const admin = await createProviderAdmin(provider.id);
  const p = await enterPortalAsNewPerson(page, "second");
  await fillProvider(page, practitionerDetails(provider));
  const refusal = page.getByRole("status").filter({ hasText: "An administrator already manages this provider" });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText("No link was made. This provider has 1 administrator");
  await expectAccessible(page);
  const rows = await e2eSql()`select count(*)::int as n from provider_memberships where provider_id = ${provider.id}`;
  expect(rows[0]!.n).toBe(1);

  // The offered request goes to the public form with the provider's NPI filled in.
  await refusal.getByRole("link", { name: "Request access to Noor Haddad" }).click();
  await expect(page).toHaveURL(new RegExp(`/request-access\\?npi=${provider.npi}$`));
  await expect(page.getByRole("textbox", { name: "NPI", exact: true })).toHaveValue(provider.npi);
  await page.getByRole("radio", { name: "Medicare" }).check();
  await fillRequester(page, p);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: "Request submitted" })).toBeVisible();
  const adminMail = await waitForMessage(admin.email, "access-request-admin");
  expect(adminMail.body_text).toContain(`${p.firstName} ${p.lastName} asked for access to Noor Haddad`);
});

test("associate as Group and see every practitioner under the Group Tax ID", async ({ page }) => {
  const { group, practitioners } = await createGroup("Maple Street Clinic");
  await enterPortalAsNewPerson(page, "group");
  await expect(page).toHaveURL(/\/associate$/);
  await page.getByLabel("Provider Type").selectOption("Group");
  await expect(page.getByLabel("Practitioner's First Name")).toHaveCount(0);
  await expectAccessible(page);
  await fillProvider(page, { type: "Group", group: "maple street  clinic", taxId: group.taxId, providerNumber: group.providerNumber, zip: "44870-1234" });
  await acceptAgreement(page, "Next");

  await expect(page).toHaveURL(/\/home$/);
  const list = page.getByRole("region", { name: "Providers in this group" });
  for (const p of practitioners) {
    const row = list.getByRole("row").filter({ hasText: `${p.firstName} ${p.lastName}` });
    await expect(row).toContainText(p.npi);
    await expect(row).toContainText(p.providerNumber);
  }
  await expect(page.getByRole("region", { name: "Active provider" })).toContainText("Group");
  await expectAccessible(page);
  await snap(page, "group-home");
});

test("link a second account, see it under Manage Linked Accounts, and switch with the ribbon", async ({ page }) => {
  const first = await createPractitioner("Lee", "Fischer");
  const second = await createPractitioner("Lee", "Fischer-Ortiz");
  await enterPortalAsNewPerson(page, "link");
  await fillProvider(page, practitionerDetails(first));
  await acceptAgreement(page, "Next");
  await expect(page).toHaveURL(/\/home$/);

  // Users → Link Account in the left navigation.
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Link Account" }).click();
  await expect(page).toHaveURL(/\/accounts\/link$/);
  await expect(page.getByRole("heading", { name: "Link Account", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // The provider already linked is refused with a clear message.
  await fillProvider(page, practitionerDetails(first));
  await expect(page.getByRole("status").filter({ hasText: "This provider is already linked to your account" })).toBeVisible();

  await fillProvider(page, practitionerDetails(second, { zip: second.zips[1]! }));
  await expect(page).toHaveURL(/\/accounts\/link\/agreement$/);
  await expectAccessible(page);
  await acceptAgreement(page, "Finish");

  await expect(page).toHaveURL(/\/accounts\?linked=1$/);
  await expect(page.getByRole("heading", { name: "Manage Linked Accounts" })).toBeVisible();
  const table = page.getByRole("table", { name: /Your linked accounts/ });
  await expect(table.getByRole("row").filter({ hasText: first.providerNumber })).toContainText("Administrator");
  await expect(table.getByRole("row").filter({ hasText: second.providerNumber })).toContainText("Active");
  await expect(table.getByRole("row").filter({ hasText: first.providerNumber })).not.toContainText("Active");
  await expectAccessible(page);
  await snap(page, "accounts");

  // The ribbon's drop-down, from the keyboard: choose the first account and switch.
  const ribbon = page.getByRole("region", { name: "Account ribbon" });
  await expect(ribbon).toContainText(`Active provider: Lee Fischer-Ortiz (${second.providerNumber})`);
  const select = ribbon.getByLabel("Switch linked account");
  await select.focus();
  await select.selectOption({ label: `Lee Fischer (${first.providerNumber}), Administrator` });
  await ribbon.getByRole("button", { name: "Switch" }).press("Enter");
  await expect(page).toHaveURL(/\/home\?switched=1$/);
  await expect(page.getByRole("region", { name: "Active provider" })).toContainText(first.providerNumber);
  await expect(page.getByRole("region", { name: "Account ribbon" })).toContainText(`Active provider: Lee Fischer (${first.providerNumber})`);
  await expectAccessible(page);
  await snap(page, "home-switched");
});

test("a crafted switch to a provider the person is not linked to is refused", async ({ page }) => {
  const mine = await createPractitioner("Sam", "Ito");
  const other = await createPractitioner("Kim", "Ng");
  const third = await createPractitioner("Sam", "Ito-Park");
  await enterPortalAsNewPerson(page, "craft");
  await fillProvider(page, practitionerDetails(mine));
  await acceptAgreement(page, "Next");
  await page.getByRole("link", { name: "Link Account" }).click();
  await fillProvider(page, practitionerDetails(third));
  await acceptAgreement(page, "Finish");

  // Tamper with the ribbon's option value so the form posts someone else's provider id.
  const ribbon = page.getByRole("region", { name: "Account ribbon" });
  await ribbon.locator("select option").first().evaluate((o, id) => ((o as HTMLOptionElement).value = id), other.id);
  await ribbon.getByLabel("Switch linked account").selectOption({ index: 0 });
  await ribbon.getByRole("button", { name: "Switch" }).click();
  await expect(page).toHaveURL(/\/accounts\?switch=refused$/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("That provider is not linked to your account");
  await expect(page.getByRole("region", { name: "Account ribbon" })).toContainText(third.providerNumber);
});
