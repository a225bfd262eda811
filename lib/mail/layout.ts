/** Builds the plain-text and HTML parts of an email from the same content. */
export interface EmailContent {
  subject: string;
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Shown after the button: e.g. "This link expires in 7 days." */
  footnote?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export function renderEmail(c: EmailContent, portalName: string): RenderedEmail {
  const text = [
    c.greeting,
    ...c.paragraphs,
    c.action ? `${c.action.label}: ${c.action.url}` : undefined,
    c.footnote,
    `— ${portalName}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const p = (s: string) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(s)}</p>`;
  const html = `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#1f2937;background:#f3f4f6;padding:24px">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">
<h1 style="font-size:20px;margin:0 0 24px;color:#0b3d6b">${escapeHtml(portalName)}</h1>
${c.greeting ? p(c.greeting) : ""}${c.paragraphs.map(p).join("")}
${c.action ? `<p style="margin:24px 0"><a href="${escapeHtml(c.action.url)}" style="background:#0b5cad;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(c.action.label)}</a></p><p style="font-size:13px;color:#4b5563;word-break:break-all">${escapeHtml(c.action.url)}</p>` : ""}
${c.footnote ? `<p style="font-size:13px;color:#4b5563">${escapeHtml(c.footnote)}</p>` : ""}
</div></body></html>`;
  return { subject: c.subject, text, html };
}
