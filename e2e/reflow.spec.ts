import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2eSql } from "./support/db";
import { newPerson } from "./support/people";
import { createPractitioner } from "./support/registry";
import { adminOfNewProvider, clientIp, insertAccessRequest } from "./support/users";

// WCAG 1.4.10 Reflow: at 320 CSS px (and a common 390 px phone) no page scrolls sideways, the
// account ribbon wraps with Switch on screen, and tables become stacked cards whose every action
// is on screen. Screenshots land in test-results/reflow/ to be looked at.

test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp() } });

const PHONES = [
  { width: 320, height: 720 },
  { width: 390, height: 844 },
];
// The same pages on a desktop, where the tables are tables again (and must still fit).
const SCREENS = [...PHONES, { width: 1280, height: 900 }];
const DAY = 24 * 60 * 60_000;
const SHOTS = "test-results/reflow";

/** Nothing scrolls sideways: neither the page nor any scroll box inside it. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const doc = document.documentElement;
    const boxes = Array.from(document.querySelectorAll<HTMLElement>("body *"))
      .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}${el.getAttribute("aria-label") ? `[${el.getAttribute("aria-label")}]` : ""} ${el.scrollWidth}>${el.clientWidth}`);
    return { scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth, boxes };
  });
  expect(overflow.scrollWidth, `page wider than the window on ${page.url()}`).toBeLessThanOrEqual(overflow.innerWidth);
  expect(overflow.boxes, `sideways scroll boxes on ${page.url()}`).toEqual([]);
}

/** Visible, and wholly between the window's left and right edges (scrolled into view vertically). */
async function expectOnScreen(locator: Locator) {
  await expect(locator).toBeVisible();
  await locator.scrollIntoViewIfNeeded();
  await expect(locator).toBeInViewport({ ratio: 1 });
  const box = (await locator.boundingBox())!;
  const width = await locator.page().evaluate(() => window.innerWidth);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}

/** Every visible control on the page lies within the window's width (bar the hidden bot trap, aria-hidden on purpose). */
async function expectControlsWithinWidth(page: Page) {
  const outside = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea"))
      .filter((el) => (el.offsetParent !== null || getComputedStyle(el).position === "fixed") && !el.closest("[aria-hidden='true']"))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 1 && (r.left < -0.5 || r.right > window.innerWidth + 0.5))
      .map(({ el, r }) => `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}" ${Math.round(r.left)}..${Math.round(r.right)}`),
  );
  expect(outside, `controls outside the window on ${page.url()}`).toEqual([]);
}

/** Each data table labels every cell with its column's name (shown before the value on a phone), and keeps its headers for screen readers. */
async function expectLabelledCells(page: Page) {
  for (const table of await page.getByRole("table").all()) {
    const headers = await table.getByRole("columnheader").allTextContents();
    expect(headers.length).toBeGreaterThan(0);
    const rows = await table.locator("tbody tr").all();
    for (const row of rows) {
      const labels = await row.locator("th, td").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-label")));
      expect(labels).toEqual(headers);
    }
  }
}

async function checkPage(page: Page, path: string, width: number, extra?: (page: Page) => Promise<void>) {
  await page.goto(path);
  await expect(page).toHaveTitle(/\S/);
  await expectNoSidewaysScroll(page);
  await expectControlsWithinWidth(page);
  await expectLabelledCells(page);
  if (extra) await extra(page);
  await expectAccessible(page);
  const name = path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "root";
  await page.screenshot({ path: `${SHOTS}/${width}-${name}.png`, fullPage: true });
}

/** Users of the provider, inserted as Manage Users leaves them: some active with permissions, one revoked, long emails included. */
async function insertMembers(providerId: string, count: number) {
  const sql = e2eSql();
  const members: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = newPerson(i === 0 ? "a.very.long.office.manager.name.for.wrapping" : "member");
    const [user] = await sql<{ id: string }[]>`
      insert into users (email, password_hash, first_name, last_name, security_question, security_answer_hash, activated_at)
      values (${p.email.toLowerCase()}, 'not-a-real-hash', ${p.firstName}, ${p.lastName}, 'What city were you born in?', 'not-a-real-hash', now())
      returning id`;
    await sql`
      insert into provider_memberships (provider_id, user_id, role, permissions, status, source)
      values (${providerId}, ${user!.id}, 'user', ${["claims_view", "remittance", "enrollment_pay_fee"]}, ${i === count - 1 ? "revoked" : "active"}, 'invitation')`;
    members.push(p.email.toLowerCase());
  }
  return members;
}

async function insertInvitations(providerId: string, adminId: string) {
  const sql = e2eSql();
  const emails: string[] = [];
  const states = [
    { status: "pending", expiresIn: 6 * DAY },
    { status: "pending", expiresIn: -DAY }, // expired
    { status: "cancelled", expiresIn: 3 * DAY },
  ];
  for (const [i, s] of states.entries()) {
    const p = newPerson(`invitee${i}`);
    await sql`
      insert into invitations (provider_id, email, first_name, last_name, role, permissions, token_hash, status, invited_by_user_id, expires_at, cancelled_at)
      values (${providerId}, ${p.email.toLowerCase()}, ${p.firstName}, ${p.lastName}, 'user', ${["claims_view", "authorizations"]}, ${`reflow-${Date.now()}-${i}-${Math.random()}`},
              ${s.status}, ${adminId}, ${new Date(Date.now() + s.expiresIn)}, ${s.status === "cancelled" ? new Date() : null})`;
    emails.push(p.email.toLowerCase());
  }
  return emails;
}

async function insertDecidedRequest(providerId: string, adminId: string, status: "approved" | "denied") {
  const p = newPerson(`decided-${status}`);
  await e2eSql()`
    insert into access_requests (provider_id, program, state, first_name, last_name, position_title, email, phone, reason, status, decided_by_user_id, decided_at, denial_reason, granted_role, granted_permissions, created_at)
    values (${providerId}, 'both', 'OH', ${p.firstName}, ${p.lastName}, 'Biller', ${p.email.toLowerCase()}, '614-555-0100', 'Claims follow-up for this office.', ${status}, ${adminId}, now(),
            ${status === "denied" ? "We could not confirm that you work for this practice; call us." : null}, ${status === "approved" ? "user" : null},
            ${status === "approved" ? ["claims_view", "claims_submit", "remittance"] : null}, ${new Date(Date.now() - 2 * DAY)})`;
}

test("every page fits a 320 px and a 390 px wide phone (and a 1280 px desktop): nothing scrolls sideways, Switch and every row's actions are on screen, axe passes", async ({ page, browser }) => {
  test.setTimeout(300_000);
  fs.mkdirSync(SHOTS, { recursive: true });

  // An administrator with a second linked account (so the ribbon offers Switch) and a provider full of people.
  const { person: admin, provider } = await adminOfNewProvider(page, "reflow");
  const sql = e2eSql();
  const [adminRow] = await sql<{ id: string }[]>`select id from users where email = ${admin.email.toLowerCase()}`;
  const adminId = adminRow!.id;
  const second = await createPractitioner("Alexandria-Catherine", "Montgomery-Villanueva");
  await sql`insert into provider_memberships (provider_id, user_id, role, permissions, status, source) values (${second.id}, ${adminId}, 'user', ${["claims_view"]}, 'active', 'association')`;
  const members = await insertMembers(provider.id, 3);
  const pending = [await insertAccessRequest(provider.id), await insertAccessRequest(provider.id)];
  await insertAccessRequest(provider.id, { ageMs: 6 * DAY }); // denied automatically
  await insertDecidedRequest(provider.id, adminId, "approved");
  await insertDecidedRequest(provider.id, adminId, "denied");
  const invitations = await insertInvitations(provider.id, adminId);
  await sql`
    insert into audit_events (action, actor_user_id, subject_user_id, provider_id, details)
    select 'users.revoked', ${adminId}, id, ${provider.id}, '{}'::jsonb from users where email = ${members[members.length - 1]!}`;

  const ribbonSwitch = (p: Page) => p.getByRole("region", { name: "Account ribbon" }).getByRole("button", { name: "Switch" });

  for (const screen of SCREENS) {
    await page.setViewportSize(screen);
    const w = screen.width;
    await checkPage(page, "/home", w, async (p) => {
      await expectOnScreen(p.getByRole("region", { name: "Account ribbon" }));
      await expectOnScreen(p.getByRole("combobox", { name: "Switch linked account" }));
    });
    // Every portal page carries the ribbon; Switch is on screen on each.
    await checkPage(page, "/users", w, async (p) => {
      await expectOnScreen(ribbonSwitch(p));
      for (const email of members.slice(0, -1)) {
        await expectOnScreen(p.getByRole("button", { name: `Edit Role and Permissions for ${email}` }));
        await expectOnScreen(p.getByRole("button", { name: `Make Admin: ${email}` }));
        await expectOnScreen(p.getByRole("button", { name: `Revoke User: ${email}` }));
      }
      await expectOnScreen(p.getByRole("button", { name: `Restore User: ${members.at(-1)}` }));
      await expectOnScreen(p.getByRole("button", { name: "Invite New User" }));
    });
    await checkPage(page, "/users/requests", w, async (p) => {
      await expectOnScreen(ribbonSwitch(p));
      for (const r of pending) {
        await expectOnScreen(p.getByRole("button", { name: `Approve request from ${r.email}` }));
        await expectOnScreen(p.getByRole("button", { name: `Deny request from ${r.email}` }));
      }
      const history = p.getByRole("table", { name: "Decided and automatically denied requests" });
      await expect(history.getByRole("row")).toHaveCount(4); // the header row and three decided requests
      await expectOnScreen(history.getByRole("cell", { name: /Denied: We could not confirm/ }));
    });
    await checkPage(page, "/users/invitations", w, async (p) => {
      await expectOnScreen(ribbonSwitch(p));
      for (const email of invitations.slice(0, 2)) {
        await expectOnScreen(p.getByRole("button", { name: `Resend invitation to ${email}` }));
        await expectOnScreen(p.getByRole("button", { name: `Cancel invitation to ${email}` }));
      }
    });
    await checkPage(page, "/users/activity", w, async (p) => {
      await expectOnScreen(ribbonSwitch(p));
      await expectOnScreen(p.getByRole("table", { name: /most recent events/ }).getByRole("row").filter({ hasText: "revoked access" }));
    });
    await checkPage(page, "/accounts", w, async (p) => {
      await expectOnScreen(ribbonSwitch(p));
      const table = p.getByRole("table", { name: /Your linked accounts/ });
      await expectOnScreen(table.getByRole("row").filter({ hasText: second.providerNumber }));
      await expect(table.getByRole("columnheader", { name: "Role" })).toHaveCount(1);
    });
    await checkPage(page, "/settings/security", w, async (p) => {
      await expectOnScreen(ribbonSwitch(p));
      await expectOnScreen(p.getByRole("button", { name: "Sign out" }).first());
    });
  }

  // The signed-out pages, in a browser of their own.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientIp() } });
  const visitor = await context.newPage();
  for (const phone of SCREENS) {
    await visitor.setViewportSize(phone);
    await checkPage(visitor, "/login", phone.width, async (p) => expectOnScreen(p.getByRole("button", { name: "Accept & Login" })));
    await checkPage(visitor, "/register", phone.width, async (p) => expectOnScreen(p.getByRole("button", { name: "Register" })));
    await checkPage(visitor, "/request-access", phone.width, async (p) => expectOnScreen(p.getByRole("button", { name: "Submit" })));
    await checkPage(visitor, "/forgot-password", phone.width, async (p) => expectOnScreen(p.getByRole("button", { name: "Submit" })));
    await checkPage(visitor, "/send-message", phone.width, async (p) => expectOnScreen(p.getByRole("button", { name: "Send Message" })));
    await checkPage(visitor, "/faq", phone.width, async (p) => expectOnScreen(p.getByRole("link", { name: "Back to sign in" })));
  }
  await context.close();
});

test("from 640 px up the tables stay tables: headers shown, one row per person", async ({ page }) => {
  const { person: admin } = await adminOfNewProvider(page, "wide");
  await page.setViewportSize({ width: 640, height: 800 });
  await page.goto("/users");
  const table = page.getByRole("table", { name: "Users of this provider" });
  const header = table.getByRole("columnheader", { name: "Actions" });
  await expect(header).toBeVisible();
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: admin.email.toLowerCase(), exact: true }) });
  // The row's cells sit side by side, on one line.
  const boxes = await row.locator("th, td").evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().top));
  expect(new Set(boxes.map(Math.round)).size).toBe(1);
  await page.setViewportSize({ width: 639, height: 800 });
  // Below 640 px the same cells stack.
  const stacked = await row.locator("th, td").evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().top));
  expect(new Set(stacked.map(Math.round)).size).toBe(stacked.length);
});
