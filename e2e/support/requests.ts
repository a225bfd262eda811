import { expect, type Page } from "@playwright/test";
import type { Person } from "./people";

export const REQUEST_DETAILS = {
  positionTitle: "Office Manager",
  phone: ["614", "555", "0142"] as const,
  extension: "12",
  reason: "I schedule visits and check claims for this practice.",
};

/** Requestor Details of the public Request Access form, as a person types them. */
export async function fillRequester(page: Page, p: Person) {
  await page.getByRole("textbox", { name: "First Name" }).fill(p.firstName);
  await page.getByRole("textbox", { name: "Last Name" }).fill(p.lastName);
  await page.getByRole("textbox", { name: "Position/Title" }).fill(REQUEST_DETAILS.positionTitle);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(p.email);
  await page.getByRole("textbox", { name: "Confirm Email" }).fill(p.email);
  await page.getByRole("textbox", { name: "Phone number area code" }).fill(REQUEST_DETAILS.phone[0]);
  await page.getByRole("textbox", { name: "Phone number prefix" }).fill(REQUEST_DETAILS.phone[1]);
  await page.getByRole("textbox", { name: "Phone number line number" }).fill(REQUEST_DETAILS.phone[2]);
  await page.getByRole("textbox", { name: "Extn" }).fill(REQUEST_DETAILS.extension);
  await page.getByRole("textbox", { name: "Reason for requesting access" }).fill(REQUEST_DETAILS.reason);
}

/** The whole public form for a Medicaid (Ohio) request to the provider with this NPI, up to the confirmation. */
export async function requestAccessByNpi(page: Page, npi: string, p: Person) {
  await page.goto("/request-access");
  await page.getByRole("radio", { name: "Medicaid" }).check();
  await page.getByRole("combobox", { name: "State", exact: true }).selectOption("OH");
  await page.getByRole("textbox", { name: "NPI", exact: true }).fill(npi);
  await fillRequester(page, p);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: "Request submitted" })).toBeVisible();
}
