import { BoxLink } from "@/components/messages/box-link";
import { notFound } from "next/navigation";
import { ReplyForm } from "@/components/messages/reply-form";
import { ThreadStateButton } from "@/components/messages/thread-state-button";
import { PortalShell } from "@/components/providers/portal-shell";
import { Alert } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";
import { appServices } from "@/lib/app-services";
import { readThread, setThreadState } from "@/lib/messages/box";
import { requirePage } from "@/lib/next/page-guard";
import { linkedAccountsFor } from "@/lib/next/provider-context";
import { siteConfig } from "@/lib/site";
import { replyAction, setThreadStateAction } from "../actions";

export const metadata = { title: "Message" };

/** One conversation of the person's own Message Box; opening it marks it read (the list links to it without prefetching). Anyone else's, or another provider's: 404. */
export default async function ThreadPage({ params, searchParams }: { params: Promise<{ threadId?: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { user, provider } = await requirePage("providerMember", "message_box");
  const { threadId } = await params;
  const svc = await appServices();
  const thread = await readThread(svc.db, user.id, provider.id, threadId);
  if (!thread) notFound();
  await setThreadState(svc, user.id, provider.id, thread.id, "read");
  const [accounts, query] = await Promise.all([linkedAccountsFor(user.id, provider.id), searchParams]);
  const tz = siteConfig().timeZone;
  const done = query.sent ? "Your message was sent." : query.replied ? "Your reply was sent." : null;
  return (
    <PortalShell userName={`${user.firstName} ${user.lastName}`} accounts={accounts} current="messages">
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <p className="mb-2 text-sm">
          <BoxLink href={thread.archived ? "/messages?view=archived" : "/messages"}>
            Back to Message Box
          </BoxLink>
        </p>
        <h1 className="text-2xl font-bold text-brand-800">{thread.subject}</h1>
        {thread.isNotification ? <p className="mt-1 text-sm text-slate-600">A notification from the portal.</p> : null}
        {done ? (
          <div className="mt-4">
            <Alert tone="success">{done}</Alert>
          </div>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-3">
          <ThreadStateButton action={setThreadStateAction} threadId={thread.id} state="unread" label="Mark as unread" />
          {thread.archived ? (
            <ThreadStateButton action={setThreadStateAction} threadId={thread.id} state="inbox" label="Move to Inbox" />
          ) : (
            <ThreadStateButton action={setThreadStateAction} threadId={thread.id} state="archived" label="Archive" />
          )}
        </div>
        <ol className="mt-6 space-y-4" aria-label="Conversation">
          {thread.messages.map((m) => (
            <li key={m.id} className="rounded-md border border-slate-200 p-4">
              <p className="text-sm text-slate-700">
                <strong className="text-slate-900">{m.mine ? "You" : m.senderName}</strong>, <DateTime value={m.createdAt} timeZone={tz} />
              </p>
              <p className="mt-2 whitespace-pre-wrap break-words">{m.body}</p>
            </li>
          ))}
        </ol>
        {thread.isNotification ? null : (
          <div className="mt-6 border-t border-slate-200 pt-4">
            <ReplyForm action={replyAction} threadId={thread.id} />
          </div>
        )}
      </div>
    </PortalShell>
  );
}
