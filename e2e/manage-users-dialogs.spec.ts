import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { DEFAULT_TIME_ZONE, formatDateTime } from "../lib/time-format";
import { createProviderMember } from "./support/admins";
import { expectAccessible } from "./support/axe";
import { e2eSql } from "./support/db";
import { countMessages, waitForMessage } from "./support/mail";
import { newPerson, signedUpPerson, type Person } from "./support/people";
import { createPractitioner } from "./support/registry";
import { ALL_PERMISSIONS, adminOfNewProvider, clientIp, insertAccessRequest, newPersonPage, openUsersTab } from "./support/users";

/**
 * Manage Users as a keyboard user meets it: every dialog opens where it is safe to press a key,
 * every action says what it did in a status message that takes the focus, Make Admin and Revoke
 * ask first in a real dialog, Invite New User checks each person as they are added, and a revoked
 * person is told on their next page. Axe runs on each dialog state; the dialogs are photographed.
 */

test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp() } });

const PROVIDER_NAME = "Dana Rivera"; // adminOfNewProvider's practitioner

const usersTable = (page: Page) => page.getByRole("table", { name: "Users of this provider" });
const invitationsTable = (page: Page) => page.getByRole("table", { name: /^Invitations/ });
const rowFor = (table: Locator, email: string) => table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name: email, exact: true }) });

/** Presses a button the way a keyboard user does: focus on it, then Enter. */
async function press(button: Locator) {
  await button.focus();
  await expect(button).toBeFocused();
  await button.page().keyboard.press("Enter");
}

/** The status message holds the focus and says `text`. */
async function expectStatus(page: Page, text: string) {
  const status = page.getByRole("status").filter({ hasText: text });
  await expect(status).toHaveText(text);
  await expect(status).toBeFocused();
}

async function screenshot(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: "image/png" });
}

/** The permission boxes: which are ticked, and whether they can be changed. */
async function permissionBoxes(dialog: Locator) {
  const out: { ticked: string[]; enabled: boolean[] } = { ticked: [], enabled: [] };
  for (const name of ALL_PERMISSIONS) {
    // Only what is shown counts (getByRole skips hidden boxes): exactly one box per permission.
    const box = dialog.getByRole("checkbox", { name, exact: true });
    await expect(box).toHaveCount(1);
    if (await box.isChecked()) out.ticked.push(name);
    out.enabled.push(await box.isEnabled());
  }
  return out;
}

test("Approve and Deny by keyboard: Approve opens on the first permission; each decision is said in the focused status message", async ({ page }, info) => {
  const { provider } = await adminOfNewProvider(page, "kbdecide");
  const toApprove = await insertAccessRequest(provider.id);
  const toDeny = await insertAccessRequest(provider.id);
  await openUsersTab(page, "Access Requests");

  await press(page.getByRole("button", { name: `Approve request from ${toApprove.email}` }));
  const approve = page.getByRole("dialog", { name: `Approve request from ${toApprove.firstName} ${toApprove.lastName}` });
  // Focus starts on the first permission, not on the Administrator radio an arrow key from promoting.
  await expect(approve.getByRole("checkbox", { name: "Message Box" })).toBeFocused();
  await expect(approve.getByRole("radio", { name: "User", exact: true })).toBeChecked();
  await expectAccessible(page);
  await screenshot(page, info, "approve-dialog");
  await page.keyboard.press("Space"); // Message Box
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(approve.getByRole("checkbox", { name: "Claims view" })).toBeFocused();
  await page.keyboard.press("Space");
  await press(approve.getByRole("button", { name: "Approve and send email" }));
  await expect(approve).toBeHidden();
  await expectStatus(page, `Approved the request from ${toApprove.firstName} ${toApprove.lastName} as User with Message Box, Claims view. ${toApprove.email} was emailed a link to create their account.`);
  await expectAccessible(page);
  await screenshot(page, info, "approve-status");
  await waitForMessage(toApprove.email, "access-request-approved");
  const [approved] = await e2eSql()`select status, granted_role, granted_permissions from access_requests where id = ${toApprove.id}`;
  expect(approved).toMatchObject({ status: "approved", granted_role: "user", granted_permissions: ["message_box", "claims_view"] });

  await press(page.getByRole("button", { name: `Deny request from ${toDeny.email}` }));
  const deny = page.getByRole("dialog", { name: `Deny request from ${toDeny.firstName} ${toDeny.lastName}` });
  await expect(deny.getByLabel("Reason (optional, included in the email)")).toBeFocused();
  await page.keyboard.type("We do not know you.");
  await press(deny.getByRole("button", { name: "Deny request" }));
  await expect(deny).toBeHidden();
  await expectStatus(page, `Denied the request from ${toDeny.firstName} ${toDeny.lastName}. ${toDeny.email} was emailed the decision.`);
  await expectAccessible(page);
  expect(await countMessages(toDeny.email, "access-request-denied")).toBe(1);
});

test("Users tab by keyboard: Make Admin asks first; demoting gives back the old permissions, never all; Revoke asks first; Restore; each said with focus", async ({ page }, info) => {
  test.setTimeout(120_000); // a full sign-up, then six dialogs
  const { person: admin, provider } = await adminOfNewProvider(page, "kbusers");
  const member = await createProviderMember(provider.id, "user", ["claims_view", "remittance"], { firstName: "Casey", lastName: "Member" });
  const stored = async () => (await e2eSql()`select role, permissions, status from provider_memberships where user_id = ${member.id}`)[0];
  await openUsersTab(page, "Users");
  const row = rowFor(usersTable(page), member.email);
  await expect(row.getByRole("cell")).toHaveText([member.name, "User", "Claims view, Remittance", "Active", /Edit Role and Permissions/]);

  await test.step("Make Admin opens a confirmation on Cancel; Cancel changes nothing and gives the focus back", async () => {
    const makeAdmin = row.getByRole("button", { name: `Make Admin: ${member.email}` });
    await press(makeAdmin);
    const ask = page.getByRole("alertdialog", { name: `Make ${member.name} an administrator?` });
    await expect(ask).toContainText(`${member.email} will hold every permission for this provider and can manage its users`);
    await expect(ask.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectAccessible(page);
    await screenshot(page, info, "make-admin-confirmation");
    await page.keyboard.press("Enter");
    await expect(ask).toBeHidden();
    await expect(makeAdmin).toBeFocused();
    expect(await stored()).toMatchObject({ role: "user", status: "active" });
    // Escape also leaves it alone.
    await page.keyboard.press("Enter");
    await expect(ask).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(ask).toBeHidden();
    expect(await stored()).toMatchObject({ role: "user" });
  });

  await test.step("Make Admin, confirmed with Shift+Tab and Enter: said in the status message, which has the focus", async () => {
    await press(row.getByRole("button", { name: `Make Admin: ${member.email}` }));
    const ask = page.getByRole("alertdialog", { name: `Make ${member.name} an administrator?` });
    await page.keyboard.press("Shift+Tab");
    await expect(ask.getByRole("button", { name: "Make Admin" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(ask).toBeHidden();
    await expectStatus(page, `${member.name} (${member.email}) is now an administrator of this provider.`);
    await expect(row.getByRole("cell")).toHaveText([member.name, "Administrator", "All", "Active", /Edit Role and Permissions/]);
    // Stored: what they held as a User, kept for a demotion.
    expect(await stored()).toMatchObject({ role: "admin", permissions: ["claims_view", "remittance"] });
    await expectAccessible(page);
    await screenshot(page, info, "make-admin-status");
  });

  await test.step("Edit an administrator: every box ticked and fixed; User brings back Claims view and Remittance only; Save says so", async () => {
    await press(row.getByRole("button", { name: `Edit Role and Permissions for ${member.email}` }));
    const edit = page.getByRole("dialog", { name: `Edit Role and Permissions: ${member.name}` });
    const adminRadio = edit.getByRole("radio", { name: "Administrator" });
    await expect(adminRadio).toBeChecked();
    await expect(adminRadio).toBeFocused();
    expect(await permissionBoxes(edit)).toEqual({ ticked: ALL_PERMISSIONS, enabled: ALL_PERMISSIONS.map(() => false) });
    await expect(edit).toContainText("Save will make them: Administrator, with every permission");
    await expectAccessible(page);
    await screenshot(page, info, "edit-admin");
    // The arrow key moves the role to User: the boxes show exactly what Save will grant.
    await page.keyboard.press("ArrowRight");
    await expect(edit.getByRole("radio", { name: "User", exact: true })).toBeChecked();
    expect(await permissionBoxes(edit)).toEqual({ ticked: ["Claims view", "Remittance"], enabled: ALL_PERMISSIONS.map(() => true) });
    await expect(edit).toContainText("As a User they get back the permissions they had before they became an administrator.");
    await expect(edit).toContainText("Save will make them: User with Claims view, Remittance");
    await expectAccessible(page);
    await screenshot(page, info, "edit-demote");
    await press(edit.getByRole("button", { name: "Save" }));
    await expect(edit).toBeHidden();
    await expectStatus(page, `Saved. ${member.name} (${member.email}) is now User with Claims view, Remittance.`);
    await expect(row.getByRole("cell")).toHaveText([member.name, "User", "Claims view, Remittance", "Active", /Edit Role and Permissions/]);
    expect(await stored()).toMatchObject({ role: "user", permissions: ["claims_view", "remittance"] });
  });

  await test.step("Edit a User opens on the first permission; Escape closes with nothing saved", async () => {
    const open = row.getByRole("button", { name: `Edit Role and Permissions for ${member.email}` });
    await press(open);
    const edit = page.getByRole("dialog", { name: `Edit Role and Permissions: ${member.name}` });
    await expect(edit.getByRole("checkbox", { name: "Message Box" })).toBeFocused();
    await page.keyboard.press("Space");
    await expect(edit).toContainText("Save will make them: User with Message Box, Claims view, Remittance");
    await page.keyboard.press("Escape");
    await expect(edit).toBeHidden();
    await expect(open).toBeFocused();
    expect(await stored()).toMatchObject({ permissions: ["claims_view", "remittance"] });
  });

  await test.step("Revoke asks first (focus on Cancel), then revokes; Restore gives it back; both said with focus", async () => {
    await press(row.getByRole("button", { name: `Revoke User: ${member.email}` }));
    const ask = page.getByRole("alertdialog", { name: `Revoke ${member.name}'s access?` });
    await expect(ask.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectAccessible(page);
    await screenshot(page, info, "revoke-confirmation");
    await page.keyboard.press("Shift+Tab");
    await expect(ask.getByRole("button", { name: "Revoke User" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expectStatus(page, `${member.name}'s access was revoked. They lose this provider on their next page.`);
    await expect(row).toContainText("Revoked");
    expect(await stored()).toMatchObject({ status: "revoked" });
    await press(row.getByRole("button", { name: `Restore User: ${member.email}` }));
    await expectStatus(page, `${member.name}'s access was restored, as User with Claims view, Remittance.`);
    await expect(row).toContainText("Active");
    await expectAccessible(page);
  });

  await test.step("a refusal is said beside the button: the last administrator cannot revoke themselves", async () => {
    const revokeSelf = rowFor(usersTable(page), admin.email).getByRole("button", { name: `Revoke User: ${admin.email}` });
    await press(revokeSelf);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await expect(rowFor(usersTable(page), admin.email).getByRole("alert")).toHaveText("This is the provider's last active administrator. Make someone else an administrator first.");
    await expect(revokeSelf).toBeFocused();
    await expect(rowFor(usersTable(page), admin.email)).toContainText("Active");
  });
});

/** Types one person into the Invite New User form with the keyboard and presses Enter (Add to List). */
async function typePerson(page: Page, dialog: Locator, p: Person, zip: string) {
  await dialog.getByLabel("Email").focus();
  await page.keyboard.type(p.email);
  await page.keyboard.press("Tab"); // ZIP Code
  await page.keyboard.type(zip);
  await page.keyboard.press("Tab"); // First Name
  await page.keyboard.type(p.firstName);
  await page.keyboard.press("Tab"); // Last Name
  await page.keyboard.type(p.lastName);
}

test("Invite New User: each person is checked as they are added, the form starts clean for the next one, a person not sent can be edited and sent again", async ({ page }, info) => {
  test.setTimeout(120_000); // a full sign-up, a second tab, two sends, then the Invitations tab
  const { provider } = await adminOfNewProvider(page, "kbinvite");
  const [first, second, raced, fixed] = [newPerson("inv"), newPerson("inv"), newPerson("inv"), newPerson("inv")];
  await openUsersTab(page, "Invitations");
  await press(page.getByRole("button", { name: "Invite New User" }));
  const dialog = page.getByRole("dialog", { name: "Invite New User" });
  await expect(dialog.getByLabel("Email")).toBeFocused();

  // The first person, a User with two permissions, typed and added with Enter.
  await typePerson(page, dialog, first, provider.zips[0]!);
  await dialog.getByRole("checkbox", { name: "Claims view" }).check();
  await dialog.getByRole("checkbox", { name: "Remittance" }).check();
  await dialog.getByLabel("Last Name").focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("heading", { name: "People to invite (1)" })).toBeVisible();
  await expect(dialog.getByRole("status").filter({ hasText: "Added" })).toHaveText(
    `Added ${first.firstName} ${first.lastName} (${first.email}) to the list, as User with Claims view, Remittance.`,
  );
  // Clean for the next person: empty fields, User, no permissions; focus back on Email.
  await expect(dialog.getByLabel("Email")).toBeFocused();
  for (const label of ["Email", "ZIP Code", "First Name", "Last Name"]) await expect(dialog.getByLabel(label)).toHaveValue("");
  await expect(dialog.getByRole("radio", { name: "User", exact: true })).toBeChecked();
  expect((await permissionBoxes(dialog)).ticked).toEqual([]);

  // A ZIP that is not this provider's is said on the ZIP field now, whether nobody has it or another provider does (John Doe's 45202).
  await typePerson(page, dialog, second, "99999");
  await page.keyboard.press("Enter");
  const zipField = dialog.getByLabel("ZIP Code");
  await expect(zipField).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("alert")).toHaveText(/ZIP Code: The ZIP Code is not one of this provider's ZIP codes\./);
  await expect(dialog.getByRole("alert")).toBeFocused();
  await expect(dialog.getByRole("heading", { name: "People to invite (1)" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, info, "invite-wrong-zip");
  // The person fixes the ZIP by keyboard; the field keeps the focus while they type (the summary does not pull it away).
  await zipField.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("45202");
  await expect(zipField).toBeFocused();
  await expect(zipField).toHaveValue("45202");
  await expect(zipField).not.toHaveAttribute("aria-invalid", "true");
  await page.keyboard.press("Enter");
  await expect(zipField).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("alert")).toHaveText(/ZIP Code: The ZIP Code is not one of this provider's ZIP codes\./);
  await expect(dialog.getByRole("heading", { name: "People to invite (1)" })).toBeVisible();
  await zipField.fill(provider.zips[1]!);
  await zipField.press("Enter");
  await expect(dialog.getByRole("heading", { name: "People to invite (2)" })).toBeVisible();
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await typePerson(page, dialog, raced, provider.zips[0]!);
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("heading", { name: "People to invite (3)" })).toBeVisible();

  // Meanwhile, in another tab, the same person is invited first.
  const otherTab = await page.context().newPage();
  await otherTab.goto("/users/invitations");
  await otherTab.getByRole("button", { name: "Invite New User" }).click();
  const otherDialog = otherTab.getByRole("dialog", { name: "Invite New User" });
  await typePerson(otherTab, otherDialog, raced, provider.zips[0]!);
  await otherTab.keyboard.press("Enter");
  await expect(otherDialog.getByRole("heading", { name: "People to invite (1)" })).toBeVisible();
  await otherDialog.getByRole("button", { name: "Send Invitation" }).click();
  await expect(otherTab.getByRole("status").filter({ hasText: `Invitation sent to ${raced.email}.` })).toBeVisible();
  await otherTab.close();

  // Send: two sent, the third not; the results take the focus, and the one not sent stays in the list.
  await press(dialog.getByRole("button", { name: "Send Invitation" }));
  const results = dialog.getByRole("status").filter({ has: page.getByRole("list", { name: "Invitation results" }) });
  await expect(results.getByRole("listitem")).toHaveText([
    `Invitation sent to ${first.email}.`,
    `Invitation sent to ${second.email}.`,
    `Not sent to ${raced.email}: This person already has a pending invitation to this provider.`,
  ]);
  await expect(results).toBeFocused();
  await expect(dialog.getByRole("heading", { name: "People to invite (1)" })).toBeVisible();
  const waiting = dialog.getByRole("list", { name: "People to invite" }).getByRole("listitem");
  await expect(waiting).toContainText(`Not sent: This person already has a pending invitation to this provider.`);
  await expectAccessible(page);
  await screenshot(page, info, "invite-partly-sent");

  // Edit brings the person back into the form with the reason on the field; fix the email, add, send.
  await press(dialog.getByRole("button", { name: `Edit ${raced.email}` }));
  await expect(dialog.getByLabel("Email")).toHaveValue(raced.email.toLowerCase());
  await expect(dialog.getByLabel("First Name")).toHaveValue(raced.firstName);
  await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("heading", { name: "People to invite (0)" })).toBeVisible();
  await dialog.getByLabel("Email").fill(fixed.email);
  await dialog.getByLabel("Email").press("Enter");
  await expect(dialog.getByRole("heading", { name: "People to invite (1)" })).toBeVisible();
  await press(dialog.getByRole("button", { name: "Send Invitation" }));
  await expect(dialog).toBeHidden();
  await expectStatus(page, `Invitation sent to ${fixed.email}.`);
  await expectAccessible(page);
  const table = invitationsTable(page);
  for (const p of [first, second, raced, fixed]) await expect(rowFor(table, p.email)).toContainText("Pending");
  await expect(rowFor(table, first.email)).toContainText("User: Claims view, Remittance");
  await waitForMessage(fixed.email, "invitation");

  await test.step("Resend and Cancel on the Invitations tab: said with focus; Cancel asks first", async () => {
    const sentBefore = await countMessages(first.email, "invitation");
    await press(rowFor(table, first.email).getByRole("button", { name: `Resend invitation to ${first.email}` }));
    await expectStatus(page, `Invitation resent to ${first.email}. The link in the earlier email no longer works.`);
    expect(await countMessages(first.email, "invitation")).toBe(sentBefore + 1);
    await press(rowFor(table, second.email).getByRole("button", { name: `Cancel invitation to ${second.email}` }));
    const ask = page.getByRole("alertdialog", { name: `Cancel the invitation to ${second.email}?` });
    await expect(ask.getByRole("button", { name: "Keep invitation" })).toBeFocused();
    await expectAccessible(page);
    await screenshot(page, info, "cancel-invitation-confirmation");
    await page.keyboard.press("Shift+Tab");
    await expect(ask.getByRole("button", { name: "Cancel invitation" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expectStatus(page, `The invitation to ${second.email} was cancelled; its link no longer works.`);
    await expect(rowFor(table, second.email)).toContainText("Cancelled");
  });
});

test("a revoked person with another provider lands on it, told once that their access to the first was removed and when", async ({ page, browser }, info) => {
  const { provider } = await adminOfNewProvider(page, "revoker");
  // The member: signed up in a browser of their own, linked to Dana Rivera first and later to another practitioner.
  const memberPage = await newPersonPage(browser);
  const member = newPerson("revoked");
  await signedUpPerson(memberPage, member);
  const other = await createPractitioner("Morgan", "Lee");
  const [user] = await e2eSql()`select id from users where email = ${member.email.toLowerCase()}`;
  await e2eSql()`
    insert into provider_memberships (provider_id, user_id, role, permissions, status, source, created_at)
    values (${provider.id}, ${user!.id}, 'user', '{claims_view}', 'active', 'invitation', now() - interval '1 hour'),
           (${other.id}, ${user!.id}, 'user', '{}', 'active', 'association', now())`;
  await memberPage.goto("/home");
  await expect(memberPage.getByRole("region", { name: "Active provider" })).toContainText(provider.providerNumber);

  await openUsersTab(page, "Users");
  await rowFor(usersTable(page), member.email).getByRole("button", { name: `Revoke User: ${member.email}` }).click();
  await page.getByRole("alertdialog", { name: /^Revoke / }).getByRole("button", { name: "Revoke User" }).click();
  await expect(rowFor(usersTable(page), member.email)).toContainText("Revoked");
  const [revoked] = await e2eSql()`select revoked_at from provider_memberships where user_id = ${user!.id} and provider_id = ${provider.id}`;
  const when = formatDateTime(new Date(revoked!.revoked_at as Date), DEFAULT_TIME_ZONE);
  expect(when).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M [A-Z]{3,4}$/);

  // Their next page: the other provider, and the notice.
  await memberPage.reload();
  await expect(memberPage).toHaveURL(/\/home$/);
  await expect(memberPage.getByRole("region", { name: "Active provider" })).toContainText(other.providerNumber);
  const notice = memberPage.getByRole("status").filter({ hasText: "Your access to" });
  await expect(notice).toHaveText(`Your access to ${PROVIDER_NAME} was removed on ${when}. If you still need it, ask one of its administrators.`);
  await expectAccessible(memberPage);
  await screenshot(memberPage, info, "revoked-notice-other-provider");
  await memberPage.setViewportSize({ width: 390, height: 844 });
  await screenshot(memberPage, info, "revoked-notice-other-provider-390");
  // Once: the page after does not repeat it.
  await memberPage.reload();
  await expect(memberPage.getByRole("region", { name: "Active provider" })).toContainText(other.providerNumber);
  await expect(memberPage.getByText("Your access to")).toHaveCount(0);
  await memberPage.context().close();
});
