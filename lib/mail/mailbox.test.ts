import { describe, expect, it } from "vitest";
import { escapeHtml, renderEmail } from "./layout";
import { isMailboxEnabled, linkify } from "./mailbox";

describe("mailbox", () => {
  it("is never enabled in production", () => {
    expect(isMailboxEnabled("production")).toBe(false);
    expect(isMailboxEnabled("development")).toBe(true);
    expect(isMailboxEnabled("test")).toBe(true);
  });
  it("linkify finds links in text", () => {
    expect(linkify("Open http://localhost:3000/activate?token=a_b-c now.")).toEqual([
      { text: "Open " },
      { text: "http://localhost:3000/activate?token=a_b-c", href: "http://localhost:3000/activate?token=a_b-c" },
      { text: " now." },
    ]);
    expect(linkify("no links")).toEqual([{ text: "no links" }]);
  });
});

describe("renderEmail", () => {
  it("has a plain-text and an HTML part with the same content, escaped", () => {
    const r = renderEmail(
      { subject: "Activate Account", greeting: "Hello <Ann>,", paragraphs: ["Welcome."], action: { label: "Activate Account", url: "http://x/a?t=1&u=2" }, footnote: "Expires in 7 days." },
      "Provider Portal",
    );
    expect(r.subject).toBe("Activate Account");
    expect(r.text).toContain("Hello <Ann>,");
    expect(r.text).toContain("Activate Account: http://x/a?t=1&u=2");
    expect(r.html).toContain("Hello &lt;Ann&gt;,");
    expect(r.html).toContain('href="http://x/a?t=1&amp;u=2"');
    expect(r.html).not.toContain("<Ann>");
    expect(escapeHtml(`"'&`)).toBe("&quot;&#39;&amp;");
  });
});
