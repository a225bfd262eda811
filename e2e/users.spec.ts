import { expect, test, type Locator, type Page } from "@playwright/test";
import { createProviderAdmin } from "./support/admins";
import { expectAccessible } from "./support/axe";
import { e2eSql } from "./support/db";
import { E2E_SECRETS } from "./support/env";
import { countMessages, waitForMessage } from "./support/mail";
import { newPerson, type Person } from "./support/people";
import { REQUEST_DETAILS, requestAccessByNpi } from "./support/requests";
import { ALL_PERMISSIONS, adminOfNewProvider, clientIp, insertAccessRequest, invitationLink, joinFromInvitation, newPersonPage, openUsersTab } from "./support/users";

// Each test comes from its own client address, so per-IP limits apply to it alone.
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp() } });

const PROVIDER_NAME = "Dana Rivera"; // adminOfNewProvider's practitioner
const DAY = 24 * 60 * 60_000;

const pendingList = (page: Page) => page.getByRole("list", { name: "Pending access requests" });
const historyTable = (page: Page) => page.getByRole("table", { name: /Decided and automatically denied requests/ });
const usersTable = (page: Page) => page.getByRole("table", { name: "Users of this provider" });
const invitationsTable = (page: Page) => page.getByRole("table", { name: /^Invitations/ });
const rowFor = (table: Locator, email: string) => table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name: email, exact: true }) });
/** Manage Users' status message: says what the last action did, and holds the focus. */
async function expectStatus(page: Page, text: string | RegExp) {
  const status = page.getByRole("status").filter({ hasText: text });
  await expect(status).toBeVisible();
  await expect(status).toBeFocused();
}
/** The alert dialog Make Admin, Revoke User and Cancel ask in before they act. */
const confirmation = (page: Page, title: string | RegExp) => page.getByRole("alertdialog", { name: title });

/** On the portal home: the role and the permissions listed for the active provider. */
async function expectHomeGrants(page: Page, role: "Administrator" | "User", permissions: string[]) {
  const active = page.getByRole("region", { name: "Active provider" });
  await expect(active.locator("dt", { hasText: "Your role" }).locator("+ dd")).toHaveText(role);
  await expect(active.getByRole("listitem")).toHaveText(permissions);
}

/** The Users tab's "Invite New User" dialog: one person per Add to List. */
async function addToList(dialog: Locator, p: Person, zip: string, role: "Administrator" | "User", permissions: string[] = []) {
  await dialog.getByLabel("Email").fill(p.email);
  await dialog.getByLabel("ZIP Code").fill(zip);
  await dialog.getByLabel("First Name").fill(p.firstName);
  await dialog.getByLabel("Last Name").fill(p.lastName);
  await dialog.getByRole("radio", { name: role, exact: true }).check();
  for (const name of permissions) await dialog.getByRole("checkbox", { name, exact: true }).check();
  await dialog.getByRole("button", { name: "Add to List" }).click();
}

test("request access from the public form, approve it: the requester registers from the email and lands with the chosen permissions", async ({ page, browser }) => {
  const { person: admin, provider } = await adminOfNewProvider(page, "approver");
  const requester = newPerson("requester");
  // The requester, signed out in a browser of their own, uses the public form.
  const requesterPage = await newPersonPage(browser);
  await requestAccessByNpi(requesterPage, provider.npi, requester);
  const request = { email: requester.email, reason: REQUEST_DETAILS.reason };
  await waitForMessage(admin.email, "access-request-admin");

  await openUsersTab(page, "Access Requests");
  await expect(page.getByRole("heading", { name: "Pending requests (1)" })).toBeVisible();
  const item = pendingList(page).getByRole("listitem").filter({ hasText: request.email });
  await expect(item.getByRole("heading", { name: `${requester.firstName} ${requester.lastName}` })).toBeVisible();
  for (const detail of [REQUEST_DETAILS.positionTitle, "614-555-0142 Extn 12", "Medicaid, OH", request.reason, "auto-denies in 4 days"]) await expect(item).toContainText(detail);
  await expect(page.getByText("No decided requests yet.")).toBeVisible();
  await expectAccessible(page);

  await item.getByRole("button", { name: `Approve request from ${request.email}` }).click();
  const dialog = page.getByRole("dialog", { name: `Approve request from ${requester.firstName} ${requester.lastName}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "User", exact: true })).toBeChecked();
  // It opens on the first permission, not on the Administrator radio.
  await expect(dialog.getByRole("checkbox", { name: "Message Box" })).toBeFocused();
  await expectAccessible(page);
  await dialog.getByRole("checkbox", { name: "Claims view" }).check();
  await dialog.getByRole("checkbox", { name: "Remittance" }).check();
  await dialog.getByRole("button", { name: "Approve and send email" }).click();
  await expect(dialog).toBeHidden();
  await expectStatus(page, `Approved the request from ${requester.firstName} ${requester.lastName} as User with Claims view, Remittance. ${request.email} was emailed a link to create their account.`);
  await expect(page.getByRole("heading", { name: "Pending requests (0)" })).toBeVisible();
  await expect(page.getByText("No pending access requests.")).toBeVisible();
  const decided = rowFor(historyTable(page), request.email);
  await expect(decided).toContainText("Approved as User: Claims view, Remittance");
  await expect(decided).toContainText(`by ${admin.firstName} ${admin.lastName}`);
  await expect(page.getByRole("button", { name: `Approve request from ${request.email}` })).toHaveCount(0);
  await expectAccessible(page);

  // The requester follows the emailed link: Create Account, activate, sign in, MFA, the agreement.
  const link = await invitationLink(request.email, "access-request-approved");
  await joinFromInvitation(requesterPage, link, requester, { providerName: PROVIDER_NAME, onInvitationPage: expectAccessible, beforeAccept: expectAccessible });
  await expect(requesterPage.getByRole("region", { name: "Active provider" })).toContainText(provider.providerNumber);
  await expectHomeGrants(requesterPage, "User", ["Claims view", "Remittance"]);
  await expectAccessible(requesterPage);

  await test.step("a user who is not an administrator cannot open Manage Users", async () => {
    await expect(requesterPage.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Manage Users" })).toHaveCount(0);
    for (const path of ["/users", "/users/requests"]) {
      const response = await requesterPage.goto(path);
      expect(response?.status()).toBe(404);
      await expect(requesterPage.getByText("This page could not be found.")).toBeVisible();
    }
  });

  // The administrator sees the new user, and the invitation accepted.
  await openUsersTab(page, "Users");
  const user = rowFor(usersTable(page), request.email);
  await expect(user.getByRole("cell")).toHaveText([`${requester.firstName} ${requester.lastName}`, "User", "Claims view, Remittance", "Active", /Edit Role and Permissions/]);
  await expectAccessible(page);
  await openUsersTab(page, "Invitations");
  const invitation = rowFor(invitationsTable(page), request.email);
  await expect(invitation).toContainText("Accepted");
  await expect(invitation).toContainText("From an access request");
  await expectAccessible(page);
  await openUsersTab(page, "Activity");
  const approval = page.getByRole("row").filter({ hasText: `approved the access request from ${request.email} as User with Claims view, Remittance` });
  await expect(approval).toContainText(`${admin.firstName} ${admin.lastName}`);
  await expect(page.getByRole("row").filter({ hasText: "accepted an invitation as User" })).toContainText(request.email);
  await expectAccessible(page);
  await requesterPage.context().close();
});

test("deny an access request with a reason: the requester is emailed it, and the request cannot be approved after", async ({ page }) => {
  const { person: admin, provider } = await adminOfNewProvider(page, "denier");
  const request = await insertAccessRequest(provider.id);
  await openUsersTab(page, "Access Requests");
  // A second tab, opened before the decision, still shows the request as pending.
  const staleTab = await page.context().newPage();
  await staleTab.goto("/users/requests");
  await expect(staleTab.getByRole("heading", { name: "Pending requests (1)" })).toBeVisible();

  await page.getByRole("button", { name: `Deny request from ${request.email}` }).click();
  const dialog = page.getByRole("dialog", { name: `Deny request from ${request.firstName} ${request.lastName}` });
  const reason = dialog.getByLabel("Reason (optional, included in the email)");
  await expect(reason).toBeFocused();
  await expectAccessible(page);
  // Too long a reason is refused on the field.
  await reason.fill("x".repeat(501));
  await dialog.getByRole("button", { name: "Deny request" }).click();
  await expect(dialog).toContainText("Reason must be at most 500 characters");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  const because = "We could not confirm that you work for this office.";
  await reason.fill(because);
  await dialog.getByRole("button", { name: "Deny request" }).click();
  await expect(dialog).toBeHidden();
  await expectStatus(page, `Denied the request from ${request.firstName} ${request.lastName}. ${request.email} was emailed the decision.`);
  await expect(page.getByRole("heading", { name: "Pending requests (0)" })).toBeVisible();
  const decided = rowFor(historyTable(page), request.email);
  await expect(decided).toContainText(`Denied: ${because}`);
  await expect(decided).toContainText(`by ${admin.firstName} ${admin.lastName}`);
  // Nothing left to approve or deny.
  await expect(page.getByRole("button", { name: `Approve request from ${request.email}` })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Deny request from ${request.email}` })).toHaveCount(0);

  const mail = await waitForMessage(request.email, "access-request-denied");
  expect(mail.subject).toBe(`Your access request for ${PROVIDER_NAME} was denied`);
  expect(mail.body_text).toContain(`Reason given: ${because}`);

  // Approving from the stale tab changes nothing: the request stays denied and no invitation is sent.
  await staleTab.getByRole("button", { name: `Approve request from ${request.email}` }).click();
  const staleDialog = staleTab.getByRole("dialog", { name: /^Approve request from/ });
  await staleDialog.getByRole("checkbox", { name: "Claims view" }).check();
  await staleDialog.getByRole("button", { name: "Approve and send email" }).click();
  await expect(staleTab.getByRole("heading", { name: "Pending requests (0)" })).toBeVisible();
  await expect(rowFor(historyTable(staleTab), request.email)).toContainText(`Denied: ${because}`);
  const [row] = await e2eSql()`select status, denial_reason, granted_role from access_requests where id = ${request.id}`;
  expect(row).toMatchObject({ status: "denied", denial_reason: because, granted_role: null });
  expect(await countMessages(request.email, "access-request-approved")).toBe(0);
  expect(await countMessages(request.email, "access-request-denied")).toBe(1);
  await openUsersTab(page, "Activity");
  await expect(page.getByRole("row").filter({ hasText: `denied the access request from ${request.email}: ${because}` })).toContainText(`${admin.firstName} ${admin.lastName}`);
  await expect(page.getByRole("row").filter({ hasText: `approved the access request from ${request.email}` })).toHaveCount(0);
  await staleTab.close();
});

test("a request left 5 days is denied: shown so at once, recorded and emailed once by the cron route", async ({ page }) => {
  const { person: admin, provider } = await adminOfNewProvider(page, "autodeny");
  const coAdmin = await createProviderAdmin(provider.id);
  const fresh = await insertAccessRequest(provider.id);
  const dueTomorrow = await insertAccessRequest(provider.id, { ageMs: 4 * DAY + 30 * 60_000 });
  const stale = await insertAccessRequest(provider.id);
  await e2eSql()`update access_requests set created_at = now() - interval '5 days 1 minute' where id = ${stale.id}`;

  // Before the cron route runs, the tab already treats the old request as denied.
  await openUsersTab(page, "Access Requests");
  await expect(page.getByRole("heading", { name: "Pending requests (2)" })).toBeVisible();
  await expect(pendingList(page).getByRole("listitem").filter({ hasText: dueTomorrow.email })).toContainText("auto-denies in 23 hours");
  await expect(pendingList(page).getByRole("listitem").filter({ hasText: fresh.email })).toContainText("auto-denies in 4 days");
  const autoDenied = rowFor(historyTable(page), stale.email);
  await expect(autoDenied).toContainText("Denied automatically after 5 days");
  await expect(autoDenied).toContainText("by the portal");
  await expect(page.getByRole("button", { name: `Approve request from ${stale.email}` })).toHaveCount(0);
  await expectAccessible(page);
  const statusOf = async (id: string) => (await e2eSql()`select status from access_requests where id = ${id}`)[0]!.status as string;
  expect(await statusOf(stale.id)).toBe("pending");

  // Without the secret: 401, and nothing changes.
  const cron = "/api/cron/cleanup";
  for (const attempt of [
    page.request.get(cron),
    page.request.get(cron, { headers: { authorization: "Bearer not-the-secret" } }),
    page.request.post(cron, { headers: { authorization: `Basic ${E2E_SECRETS.CRON_SECRET}` } }),
    page.request.post(cron, { headers: { authorization: `Bearer ${E2E_SECRETS.CRON_SECRET}x` } }),
  ]) {
    const response = await attempt;
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthorized" });
  }
  expect(await statusOf(stale.id)).toBe("pending");
  expect(await countMessages(stale.email)).toBe(0);
  expect(await countMessages(admin.email, "access-request-reminder")).toBe(0);

  const authorized = { headers: { authorization: `Bearer ${E2E_SECRETS.CRON_SECRET}` } };
  const first = await page.request.post(cron, authorized);
  expect(first.status()).toBe(200);
  const counts = await first.json();
  expect(counts).toMatchObject({ ok: true, autoDenied: expect.any(Number), reminders: expect.any(Number) });
  expect(counts.autoDenied).toBeGreaterThanOrEqual(1);
  expect(counts.reminders).toBeGreaterThanOrEqual(1);
  const [recorded] = await e2eSql()`select status, decided_automatically, decided_at from access_requests where id = ${stale.id}`;
  expect(recorded).toMatchObject({ status: "denied", decided_automatically: "cron" });
  expect(recorded!.decided_at).toBeInstanceOf(Date);
  const mail = await waitForMessage(stale.email, "access-request-auto-denied");
  expect(mail.body_text).toContain("denied automatically");
  // The administrators are reminded a day ahead of the next one; the fresh one is left alone.
  await waitForMessage(admin.email, "access-request-reminder");
  await waitForMessage(coAdmin.email, "access-request-reminder");
  expect(await statusOf(fresh.id)).toBe("pending");
  expect(await statusOf(dueTomorrow.id)).toBe("pending");
  expect(await countMessages(fresh.email)).toBe(0);

  // A second run (GET this time) neither emails the requester again nor reminds twice.
  const second = await page.request.get(cron, authorized);
  expect(second.status()).toBe(200);
  expect(await countMessages(stale.email, "access-request-auto-denied")).toBe(1);
  expect(await countMessages(admin.email, "access-request-reminder")).toBe(1);
  expect(await countMessages(coAdmin.email, "access-request-reminder")).toBe(1);

  await page.reload();
  await expect(page.getByRole("heading", { name: "Pending requests (2)" })).toBeVisible();
  await expect(rowFor(historyTable(page), stale.email)).toContainText("Denied automatically after 5 days");
  await openUsersTab(page, "Activity");
  const recordedEvent = page.getByRole("row").filter({ hasText: `denied the access request from ${stale.email} automatically after 5 days` });
  await expect(recordedEvent).toHaveCount(1);
  await expect(recordedEvent.getByRole("cell").nth(1)).toHaveText("System");
});

test("invite people with Add to List and Send Invitation; one accepts, and the link works once", async ({ page, browser }) => {
  const { provider } = await adminOfNewProvider(page, "inviter");
  const first = newPerson("invitee");
  const second = newPerson("invitee");
  const wrongZip = newPerson("invitee");

  await openUsersTab(page, "Invitations");
  await expect(page.getByText("No invitations yet. Choose Invite New User to send one.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Invite New User" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite New User" });
  await expect(dialog.getByLabel("Email")).toBeFocused();
  await expect(dialog.getByText("ZIP code is typically the remittance address ZIP code.")).toBeVisible();

  // Nothing typed: the fields say what is missing, and nothing is queued.
  await dialog.getByRole("button", { name: "Add to List" }).click();
  await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toContainText("Enter the First Name");
  await expect(dialog.getByRole("heading", { name: "People to invite (0)" })).toBeVisible();
  await expectAccessible(page);

  await addToList(dialog, first, provider.zips[0]!, "User", ["Claims view"]);
  await expect(dialog.getByRole("heading", { name: "People to invite (1)" })).toBeVisible();
  await expect(dialog.getByLabel("Email")).toHaveValue("");
  // The next person starts from nothing: not the previous one's permissions.
  await expect(dialog.getByRole("radio", { name: "User", exact: true })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "Claims view" })).not.toBeChecked();
  // The practice ZIP+4 works too; the second person is invited as an administrator.
  await addToList(dialog, second, provider.zips[1]!, "Administrator");
  await expect(dialog.getByRole("heading", { name: "People to invite (2)" })).toBeVisible();
  // The same person twice is refused on the field.
  await addToList(dialog, first, provider.zips[0]!, "User");
  await expect(dialog).toContainText("This person is already in the list");
  await expect(dialog.getByRole("heading", { name: "People to invite (2)" })).toBeVisible();
  // A ZIP that is not the provider's is refused on the ZIP field at Add to List, before anything is sent.
  await addToList(dialog, wrongZip, "99999", "User", ["Remittance"]);
  await expect(dialog.getByLabel("ZIP Code")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toContainText("The ZIP Code is not one of this provider's ZIP codes.");
  await expect(dialog.getByRole("heading", { name: "People to invite (2)" })).toBeVisible();
  await expect(dialog.getByRole("listitem").filter({ hasText: first.email })).toContainText("User with Claims view");
  await expectAccessible(page);

  await dialog.getByRole("button", { name: "Send Invitation" }).click();
  // All sent: the dialog closes and the page says so, with the focus.
  await expect(dialog).toBeHidden();
  await expectStatus(page, `Invitations sent to 2 people: ${first.email}, ${second.email}.`);

  const table = invitationsTable(page);
  await expect(rowFor(table, first.email)).toContainText("Pending");
  await expect(rowFor(table, first.email)).toContainText("User: Claims view");
  await expect(rowFor(table, second.email)).toContainText("Pending");
  await expect(rowFor(table, second.email)).toContainText("Administrator");
  await expect(rowFor(table, wrongZip.email)).toHaveCount(0);
  expect(await countMessages(wrongZip.email)).toBe(0);
  await expectAccessible(page);

  const mail = await waitForMessage(first.email, "invitation");
  expect(mail.subject).toContain(`You are invited to ${PROVIDER_NAME}`);
  await waitForMessage(second.email, "invitation");
  const link = await invitationLink(first.email, "invitation");
  const invitee = await newPersonPage(browser);
  await joinFromInvitation(invitee, link, first, { providerName: PROVIDER_NAME, onInvitationPage: expectAccessible, beforeAccept: expectAccessible });
  await expectHomeGrants(invitee, "User", ["Claims view"]);

  // The link works once.
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1, name: "This invitation cannot be used" })).toBeVisible();
  await expect(invitee.getByText("This invitation was already used. Sign in to reach the provider.")).toBeVisible();
  await expectAccessible(invitee);
  // A forged or truncated link is not found.
  await invitee.goto(link.slice(0, -5));
  await expect(invitee.getByRole("heading", { level: 1, name: "Invitation not found" })).toBeVisible();

  await page.reload();
  await expect(rowFor(invitationsTable(page), first.email)).toContainText("Accepted");
  await expect(rowFor(invitationsTable(page), second.email)).toContainText("Pending");
  await openUsersTab(page, "Users");
  await expect(rowFor(usersTable(page), first.email)).toContainText("Active");
  await expect(rowFor(usersTable(page), first.email)).toContainText("Claims view");
  await expect(rowFor(usersTable(page), second.email)).toHaveCount(0);
  await invitee.context().close();
});

test("edit a user's permissions, make them an administrator, revoke and restore them; the last administrator cannot revoke themselves", async ({ page, browser }) => {
  const { person: admin, provider } = await adminOfNewProvider(page, "manager");
  await openUsersTab(page, "Users");
  const table = usersTable(page);

  // The only administrator cannot revoke themselves.
  await expect(rowFor(table, admin.email)).toContainText("(you)");
  await expect(rowFor(table, admin.email).getByRole("button", { name: `Make Admin: ${admin.email}` })).toHaveCount(0);
  await table.getByRole("button", { name: `Revoke User: ${admin.email}` }).click();
  await confirmation(page, `Revoke ${admin.firstName} ${admin.lastName}'s access?`).getByRole("button", { name: "Revoke User" }).click();
  await expect(rowFor(table, admin.email).getByRole("alert")).toHaveText("This is the provider's last active administrator. Make someone else an administrator first.");
  await page.reload();
  await expect(rowFor(usersTable(page), admin.email)).toContainText("Active");

  // A user joins through an invitation with one permission.
  const member = newPerson("member");
  await page.getByRole("button", { name: "Invite New User" }).click();
  const invite = page.getByRole("dialog", { name: "Invite New User" });
  await addToList(invite, member, provider.zips[0]!, "User", ["Claims view"]);
  await expect(invite.getByRole("heading", { name: "People to invite (1)" })).toBeVisible();
  await invite.getByRole("button", { name: "Send Invitation" }).click();
  await expect(invite).toBeHidden();
  await expectStatus(page, `Invitation sent to ${member.email}.`);
  const memberPage = await newPersonPage(browser);
  await joinFromInvitation(memberPage, await invitationLink(member.email, "invitation"), member, { providerName: PROVIDER_NAME });
  await expectHomeGrants(memberPage, "User", ["Claims view"]);
  await expect(memberPage.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Manage Users" })).toHaveCount(0);
  expect((await memberPage.goto("/users"))?.status()).toBe(404);

  // Edit Role and Permissions.
  await page.reload();
  const memberRow = rowFor(usersTable(page), member.email);
  await expect(memberRow).toContainText("Claims view");
  await memberRow.getByRole("button", { name: `Edit Role and Permissions for ${member.email}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit Role and Permissions: ${member.firstName} ${member.lastName}` });
  await expect(edit.getByRole("radio", { name: "User", exact: true })).toBeChecked();
  await expect(edit.getByRole("checkbox", { name: "Claims view" })).toBeChecked();
  await expectAccessible(page);
  await edit.getByRole("checkbox", { name: "Claims view" }).uncheck();
  await edit.getByRole("checkbox", { name: "Remittance" }).check();
  await edit.getByRole("checkbox", { name: "Authorizations" }).check();
  await expect(edit).toContainText("Save will make them: User with Remittance, Authorizations");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expectStatus(page, `Saved. ${member.firstName} ${member.lastName} (${member.email}) is now User with Remittance, Authorizations.`);
  await expect(memberRow.getByRole("cell").nth(2)).toHaveText("Remittance, Authorizations");
  // The member sees the change on their next page.
  await memberPage.goto("/home");
  await expectHomeGrants(memberPage, "User", ["Remittance", "Authorizations"]);

  // Make Admin, once confirmed: the member now holds every permission and manages users.
  await memberRow.getByRole("button", { name: `Make Admin: ${member.email}` }).click();
  await confirmation(page, `Make ${member.firstName} ${member.lastName} an administrator?`).getByRole("button", { name: "Make Admin" }).click();
  await expectStatus(page, `${member.firstName} ${member.lastName} (${member.email}) is now an administrator of this provider.`);
  await expect(memberRow.getByRole("cell").nth(1)).toHaveText("Administrator");
  await expect(memberRow.getByRole("cell").nth(2)).toHaveText("All");
  await expect(memberRow.getByRole("button", { name: `Make Admin: ${member.email}` })).toHaveCount(0);
  await memberPage.reload();
  await expect(memberPage.getByRole("region", { name: "Active provider" }).locator("dt", { hasText: "Your role" }).locator("+ dd")).toHaveText("Administrator");
  await memberPage.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Manage Users" }).click();
  await expect(memberPage.getByRole("heading", { name: "Manage Users", level: 1 })).toBeVisible();

  // Revoke, once confirmed: the member loses the provider on their next page load, which says so.
  await memberRow.getByRole("button", { name: `Revoke User: ${member.email}` }).click();
  const revoke = confirmation(page, `Revoke ${member.firstName} ${member.lastName}'s access?`);
  await expect(revoke).toContainText(`${member.email} loses access to this provider on their next page.`);
  await revoke.getByRole("button", { name: "Revoke User" }).click();
  await expectStatus(page, `${member.firstName} ${member.lastName}'s access was revoked. They lose this provider on their next page.`);
  await expect(memberRow).toContainText("Revoked");
  await expect(memberRow.getByRole("button", { name: `Restore User: ${member.email}` })).toBeVisible();
  await memberPage.reload();
  await expect(memberPage).toHaveURL(/\/associate$/);
  await expect(memberPage.getByRole("status").filter({ hasText: `Your access to ${PROVIDER_NAME} was removed on ` })).toBeVisible();
  await memberPage.goto("/home");
  await expect(memberPage).toHaveURL(/\/associate$/);
  // Said once.
  await expect(memberPage.getByText(`Your access to ${PROVIDER_NAME} was removed`)).toHaveCount(0);
  await expect(memberPage.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Manage Users" })).toHaveCount(0);
  // Dismissing the confirmation changes nothing.
  await rowFor(usersTable(page), admin.email).getByRole("button", { name: `Revoke User: ${admin.email}` }).click();
  await confirmation(page, /^Revoke /).getByRole("button", { name: "Cancel" }).click();
  await expect(confirmation(page, /^Revoke /)).toHaveCount(0);
  await expect(rowFor(usersTable(page), admin.email)).toContainText("Active");

  // Restore: the provider comes back, with the role they had.
  await memberRow.getByRole("button", { name: `Restore User: ${member.email}` }).click();
  await expectStatus(page, `${member.firstName} ${member.lastName}'s access was restored, as Administrator, with every permission.`);
  await expect(memberRow).toContainText("Active");
  await memberPage.goto("/home");
  await expect(memberPage).toHaveURL(/\/home$/);
  await expectHomeGrants(memberPage, "Administrator", ALL_PERMISSIONS);

  // Every change is in the provider's activity.
  await openUsersTab(page, "Activity");
  const activity = page.getByRole("table", { name: /most recent events/ });
  const memberName = `${member.firstName} ${member.lastName}`;
  for (const what of ["made administrator", "revoked access", "restored access", "changed role from User to User with Remittance, Authorizations"]) {
    const event = activity.getByRole("row").filter({ hasText: what }).first();
    await expect(event).toContainText(`${admin.firstName} ${admin.lastName}`);
    await expect(event.getByRole("cell").last()).toContainText(`${memberName} (${member.email})`);
  }
  await expectAccessible(page);
  await memberPage.context().close();
});
