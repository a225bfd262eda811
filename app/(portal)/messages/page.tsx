import { BoxLink } from "@/components/messages/box-link";
import { NoticeSettingForm } from "@/components/messages/notice-setting-form";
import { PortalShell } from "@/components/providers/portal-shell";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { Cell, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { appServices } from "@/lib/app-services";
import { listBox, type BoxView } from "@/lib/messages/box";
import { noticeSetting } from "@/lib/messages/notice";
import { requirePage } from "@/lib/next/page-guard";
import { linkedAccountsFor } from "@/lib/next/provider-context";
import { providerDisplayName } from "@/lib/registry/rows";
import { siteConfig } from "@/lib/site";
import { noticeSettingAction } from "./actions";

export const metadata = { title: "Message Box" };

const DONE: Record<string, string> = {
  archived: "The conversation was archived.",
  notice_on: "You will get an email when a new message arrives.",
  notice_off: "You will not get emails about new messages.",
};

/** The Message Box of the session's active provider: a 404 for anyone without the Message Box permission. */
export default async function MessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { user, provider } = await requirePage("providerMember", "message_box");
  const params = await searchParams;
  const view: BoxView = params.view === "archived" ? "archived" : "inbox";
  const page = Math.max(1, Math.min(100_000, Number.parseInt(params.page ?? "1", 10) || 1));
  const svc = await appServices();
  const [box, accounts, noticeOn] = await Promise.all([listBox(svc.db, user.id, provider.id, view, page), linkedAccountsFor(user.id, provider.id), noticeSetting(svc.db, user.id)]);
  const tz = siteConfig().timeZone;
  const href = (p: number) => `/messages?${new URLSearchParams({ ...(view === "archived" ? { view } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  const done = params.done ? DONE[params.done] : undefined;
  return (
    <PortalShell userName={`${user.firstName} ${user.lastName}`} accounts={accounts} current="messages">
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-bold text-brand-800">Message Box</h1>
            <p className="mt-1 text-slate-700">{providerDisplayName(provider)}: internal mail between this provider&apos;s members, and the portal&apos;s notifications.</p>
          </div>
          <ButtonLink href="/messages/new">Write a message</ButtonLink>
        </div>
        {done ? (
          <div className="mb-4">
            <Alert tone="success">{done}</Alert>
          </div>
        ) : null}
        <nav aria-label="Message Box folders" className="mb-4 flex gap-4 border-b border-slate-200">
          {(["inbox", "archived"] as const).map((v) => (
            <BoxLink
              key={v}
              href={v === "archived" ? "/messages?view=archived" : "/messages"}
              aria-current={view === v ? "page" : undefined}
              className={`-mb-px border-b-2 px-1 pb-2 ${view === v ? "border-brand-700 font-semibold text-brand-800" : "border-transparent text-brand-700 underline"}`}
            >
              {v === "archived" ? "Archived" : "Inbox"}
            </BoxLink>
          ))}
        </nav>
        {box.rows.length === 0 ? (
          <p className="text-slate-700">{view === "archived" ? "No archived conversations." : page > 1 ? "No more conversations." : "No messages yet."}</p>
        ) : (
          <DataTable caption={`${view === "archived" ? "Archived" : "Inbox"}, page ${box.page}`} columns={["Subject", "From", "Last message", "Status"]}>
            {box.rows.map((r) => (
              <Row key={r.threadId}>
                <RowHeader label="Subject">
                  <BoxLink href={`/messages/${r.threadId}`} prefetch={false} className={`${r.unreadCount > 0 ? "font-bold" : ""}`}>
                    {r.subject}
                  </BoxLink>
                </RowHeader>
                <Cell label="From">{r.lastSenderName}</Cell>
                <Cell label="Last message">
                  <DateTime value={r.lastMessageAt} timeZone={tz} />
                </Cell>
                <Cell label="Status">{r.unreadCount > 0 ? <strong>Unread</strong> : "Read"}</Cell>
              </Row>
            ))}
          </DataTable>
        )}
        {box.page > 1 || box.hasNext ? (
          <nav aria-label="Pages" className="mt-4 flex gap-4">
            {box.page > 1 ? (
              <BoxLink href={href(box.page - 1)}>
                Previous page
              </BoxLink>
            ) : null}
            <span>Page {box.page}</span>
            {box.hasNext ? (
              <BoxLink href={href(box.page + 1)}>
                Next page
              </BoxLink>
            ) : null}
          </nav>
        ) : null}
        <section aria-labelledby="notice-heading" className="mt-8 border-t border-slate-200 pt-4">
          <h2 id="notice-heading" className="mb-2 text-lg font-semibold text-brand-800">
            Email notice
          </h2>
          <NoticeSettingForm action={noticeSettingAction} on={noticeOn} />
        </section>
      </div>
    </PortalShell>
  );
}
