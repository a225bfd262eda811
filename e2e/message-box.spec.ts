import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2eSql } from "./support/db";
import { waitForMessage } from "./support/mail";
import { newPerson, signedUpPerson, type Person } from "./support/people";
import { requestAccessByNpi } from "./support/requests";
import { snap } from "./support/screens";
import { adminOfNewProvider, clientIp, newPersonPage } from "./support/users";

// Each test comes from its own client address, so per-IP limits apply to it alone.
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp() } });

const NOTICE_SUBJECT = "You have a new message in your Message Box";
const portalNav = (page: Page) => page.getByRole("navigation", { name: "Portal" });
const messageBoxLink = (page: Page) => portalNav(page).getByRole("link", { name: /^Message Box/ });

/** The unread count the navigation shows beside "Message Box" (0 when it shows none). */
async function unreadCount(page: Page): Promise<number> {
  const name = (await messageBoxLink(page).textContent()) ?? "";
  return Number(/(\d+)\s*unread/.exec(name)?.[1] ?? 0);
}

/**
 * A signed-up person (past MFA) made a member of the provider directly in the database (the
 * invitation flow has its own spec), then on the portal home with that provider active.
 */
async function memberOf(page: Page, providerId: string, prefix: string, role: "admin" | "user", permissions: string[]): Promise<Person> {
  const person = newPerson(prefix);
  await signedUpPerson(page, person);
  await e2eSql()`
    insert into provider_memberships (provider_id, user_id, role, permissions, status, source)
    select ${providerId}, id, ${role}, ${permissions}, 'active', 'invitation' from users where email = ${person.email.toLowerCase()}`;
  await page.goto("/home");
  await expect(page.getByRole("region", { name: "Active provider" })).toBeVisible();
  return person;
}

test("an administrator writes to a user, the user replies, the unread counts move and the notice email carries no content", async ({ page, browser }) => {
  const { provider } = await adminOfNewProvider(page, "mbadmin");
  const userPage = await newPersonPage(browser);
  const user = await memberOf(userPage, provider.id, "mbuser", "user", ["message_box"]);
  await expect(messageBoxLink(userPage)).toHaveText("Message Box");

  // The administrator writes from the Message Box, picking the user by name.
  await messageBoxLink(page).click();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page.getByRole("heading", { level: 1, name: "Message Box" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Write a message" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a message" })).toBeVisible();
  await expectAccessible(page);
  // An empty form is refused with field errors, nothing sent.
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There are problems" })).toContainText("Choose at least one recipient");
  await expect(page.getByText("Enter a subject").last()).toBeVisible();
  await snap(page, "messages-compose-errors");
  await page.getByRole("checkbox", { name: `${user.firstName} ${user.lastName}` }).check();
  await page.getByLabel("Subject").fill("Claim 4471 needs a modifier");
  await page.getByRole("textbox", { name: "Message" }).fill("Patient DOB 1970-01-01.\nPlease resubmit with modifier 25.");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Your message was sent.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Claim 4471 needs a modifier" })).toBeVisible();
  const adminUnreadBefore = await unreadCount(page);

  // The user sees one unread message beside "Message Box", and got a notice without the content.
  await userPage.reload();
  await expect(messageBoxLink(userPage)).toHaveText(/Message Box\s*1\s*unread/);
  const notice = await waitForMessage(user.email.toLowerCase(), "message-notice");
  expect(notice.subject).toBe(NOTICE_SUBJECT);
  expect(notice.body_text).not.toMatch(/4471|modifier|1970/);

  await messageBoxLink(userPage).click();
  await userPage.getByRole("link", { name: "Claim 4471 needs a modifier" }).click();
  await expect(userPage.getByText("Please resubmit with modifier 25.")).toBeVisible();
  await snap(userPage, "messages-thread");
  await expect(messageBoxLink(userPage)).toHaveText("Message Box");
  await expectAccessible(userPage);
  await userPage.getByRole("textbox", { name: "Message" }).fill("Done, resubmitted today.");
  await userPage.getByRole("button", { name: "Send reply" }).click();
  await expect(userPage.getByText("Your reply was sent.")).toBeVisible();

  // The administrator's count went up by the reply; opening the thread reads it.
  await page.goto("/messages");
  await expect.poll(() => unreadCount(page)).toBe(adminUnreadBefore + 1);
  await page.getByRole("link", { name: "Claim 4471 needs a modifier" }).click();
  await expect(page.getByText("Done, resubmitted today.")).toBeVisible();
  await expect.poll(() => unreadCount(page)).toBe(adminUnreadBefore);

  // Mark as unread and Archive are plain forms too.
  await page.getByRole("button", { name: "Mark as unread" }).click();
  await expect(page).toHaveURL(/\/messages$/);
  await expect.poll(() => unreadCount(page)).toBe(adminUnreadBefore + 1);
  await snap(page, "messages-inbox");

  // A user without the Message Box permission sees no menu option and gets 404.
  const plainPage = await newPersonPage(browser);
  await memberOf(plainPage, provider.id, "mbplain", "user", ["claims_view"]);
  await expect(portalNav(plainPage).getByRole("link", { name: "Home" })).toBeVisible();
  await expect(messageBoxLink(plainPage)).toHaveCount(0);
  for (const path of ["/messages", "/messages/new"]) {
    const response = await plainPage.goto(path);
    expect(response?.status()).toBe(404);
  }
});

test("an access request puts a notification in every administrator's Message Box", async ({ page, browser }) => {
  const { provider } = await adminOfNewProvider(page, "mbfirst");
  const secondPage = await newPersonPage(browser);
  await memberOf(secondPage, provider.id, "mbsecond", "admin", []);

  const requester = newPerson("mbrequester");
  const publicPage = await newPersonPage(browser);
  await requestAccessByNpi(publicPage, provider.npi, requester);

  for (const admin of [page, secondPage]) {
    await admin.goto("/messages");
    const link = admin.getByRole("link", { name: `New access request from ${requester.firstName} ${requester.lastName}` });
    await expect(link).toBeVisible();
    await link.click();
    await expect(admin.getByText("A notification from the portal.")).toBeVisible();
    await expect(admin.getByText(/Approve or deny it under Users/)).toBeVisible();
    // Notifications take no reply.
    await expect(admin.getByRole("button", { name: "Send reply" })).toHaveCount(0);
  }
  await expectAccessible(secondPage);
});
