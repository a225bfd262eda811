import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectAccessibleWithoutScript } from "./support/axe";
import { waitForMessage } from "./support/mail";

// The sign-in page of the guides (seed 000): besides signing in, it leads to New Provider
// Registration, Send Message, Minimum System Requirements, View FAQs and Contact Us; the support
// phone number appears once on each page.
const SUPPORT_EMAIL = "support@provider-portal.localhost";
const clientIp = () => `198.51.103.${Math.floor(Math.random() * 200) + 20}`;

async function phoneShownOnce(page: Page) {
  await expect(page.getByText("1-866-449-6848")).toHaveCount(1);
}

test.describe("with JavaScript", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp() } });

  test("each link of the sign-in page opens its page, which passes axe and shows the phone number once", async ({ page }) => {
    const links: Array<[string, string | RegExp, RegExp]> = [
      ["New Provider Registration", "Registration Instructions", /\/register\/instructions$/],
      ["Send Message", "Send Message", /\/send-message$/],
      ["Minimum System Requirements", "Minimum System Requirements", /\/system-requirements$/],
      ["View FAQs", "Frequently Asked Questions", /\/faq$/],
      ["Contact Us", "Contact Us", /\/contact-us$/],
    ];
    await page.goto("/login");
    await phoneShownOnce(page);
    for (const [link, heading, url] of links) {
      await page.goto("/login");
      await page.getByRole("navigation", { name: "Account help" }).getByRole("link", { name: link, exact: true }).click();
      await expect(page).toHaveURL(url);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await phoneShownOnce(page);
      await expectAccessible(page);
    }
    // The FAQ answers from the guides: the 24-hour lockout, and where to go from there.
    await page.goto("/faq");
    await expect(page.getByText("wait 24 hours and try again")).toBeVisible();
    await page.getByRole("link", { name: "Forgot Password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
  });

  test("Send Message names each bad field, then reaches the support desk's inbox", async ({ page }) => {
    await page.goto("/send-message");
    await page.getByRole("button", { name: "Send Message" }).click();
    const summary = page.getByRole("alert").first();
    await expect(summary).toBeVisible();
    for (const message of ["Enter your name", "Choose what your message is about", "Enter your message"]) await expect(summary).toContainText(message);
    await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    const sentAt = new Date(Date.now() - 1000);
    await page.getByLabel("Name").fill("Rosa Diaz");
    await page.getByLabel("Email").fill("rosa.diaz@clinic.example");
    await page.getByLabel("Phone Number").fill("call me maybe");
    await page.getByLabel("Topic").selectOption({ label: "Registration or activation" });
    await page.getByLabel("Message").fill("The activation link says it expired.");
    await page.getByRole("button", { name: "Send Message" }).click();
    await expect(page.getByRole("alert").first()).toContainText("Enter a phone number such as 614-555-0100, or leave it empty");
    // What was typed is kept.
    await expect(page.getByLabel("Message")).toHaveValue("The activation link says it expired.");
    await page.getByLabel("Phone Number").fill("");
    await page.getByRole("button", { name: "Send Message" }).click();
    await expect(page.getByRole("status")).toContainText("Your message was sent to our support team.");
    await expectAccessible(page);
    const mail = await waitForMessage(SUPPORT_EMAIL, "support-message", { after: sentAt });
    expect(mail.subject).toBe("Send Message: Registration or activation");
    expect(mail.body_text).toContain("From: Rosa Diaz <rosa.diaz@clinic.example>");
    expect(mail.body_text).toContain("The activation link says it expired.");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": clientIp() } });

  test("Send Message posts, the server names the errors, and the message is sent", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Send Message" }).click();
    await expect(page).toHaveURL(/\/send-message$/);
    await page.getByLabel("Name").fill("Sam Ortiz");
    await page.getByRole("button", { name: "Send Message" }).click();
    const summary = page.getByRole("alert").first();
    await expect(summary).toContainText("Enter your message");
    await expect(page.getByLabel("Name")).toHaveValue("Sam Ortiz");
    await expectAccessibleWithoutScript(page);

    const sentAt = new Date(Date.now() - 1000);
    await page.getByLabel("Email").fill("sam.ortiz@clinic.example");
    await page.getByLabel("Topic").selectOption({ label: "Something else" });
    await page.getByLabel("Message").fill("Where do I find remittance advice?");
    await page.getByRole("button", { name: "Send Message" }).click();
    await expect(page.getByRole("status")).toContainText("Your message was sent to our support team.");
    const mail = await waitForMessage(SUPPORT_EMAIL, "support-message", { after: sentAt });
    expect(mail.body_text).toContain("Sam Ortiz <sam.ortiz@clinic.example>");
  });
});
