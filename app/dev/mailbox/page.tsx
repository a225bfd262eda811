import Link from "next/link";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/ui/date-time";
import { getDb } from "@/db/index";
import { isMailboxEnabled, linkify, listMailbox } from "@/lib/mail/mailbox";
import { siteConfig } from "@/lib/site";

export const metadata = { title: "Local mailbox" };

/** Development only: every email and SMS the portal wrote to the outbox, newest first. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!isMailboxEnabled(process.env.NODE_ENV)) notFound();
  const { to } = await searchParams;
  const messages = await listMailbox(await getDb(), { recipient: to, limit: 100 });
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-bold text-brand-800">Local mailbox</h1>
      <p className="mt-1 text-slate-700">
        No mail or SMS provider is configured, so messages stay here. This page is never served in production.
      </p>
      <form className="mt-4 flex items-end gap-2" method="get">
        <div>
          <label htmlFor="to" className="block text-sm font-medium">
            Recipient contains
          </label>
          <input id="to" name="to" defaultValue={to ?? ""} className="rounded-md border border-slate-400 px-3 py-2" />
        </div>
        <button className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white" type="submit">
          Filter
        </button>
        {to ? (
          <Link href="/dev/mailbox" className="px-2 py-2 text-brand-700 underline">
            Show all
          </Link>
        ) : null}
      </form>
      {messages.length === 0 ? (
        <p className="mt-6 rounded-md border border-slate-200 bg-white p-4">The mailbox is empty.</p>
      ) : (
        <ul className="mt-6 space-y-4" aria-label="Messages">
          {messages.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <article aria-labelledby={`msg-${m.id}`}>
                <h2 id={`msg-${m.id}`} className="font-semibold">
                  {m.channel === "sms" ? "SMS" : m.subject}
                </h2>
                <p className="text-sm text-slate-600">
                  To {m.recipient} · <DateTime value={m.createdAt} timeZone={siteConfig().timeZone} /> · {m.status}
                </p>
                <p className="mt-3 whitespace-pre-wrap break-words text-slate-800">
                  {linkify(m.bodyText).map((part, i) =>
                    part.href ? (
                      <a key={i} href={part.href} className="text-brand-700 underline">
                        {part.text}
                      </a>
                    ) : (
                      <span key={i}>{part.text}</span>
                    ),
                  )}
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
