"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/next/action";
import { setThreadState } from "@/lib/messages/box";
import { setNoticeSetting } from "@/lib/messages/notice";
import { noticeSettingSchema, threadStateSchema } from "@/lib/messages/schemas";
import { composeMessage, replyToThread } from "@/lib/messages/send";

/**
 * Message Box actions: guard providerMember with the Message Box permission, so a person without
 * it (or revoked, or of another provider) is refused before anything runs. The provider is the
 * session's, never the form's; lib/messages checks the permission again and that the thread is
 * the person's own copy in that provider. Success redirects, so each works as a plain form post.
 */

export const composeMessageAction = defineAction(
  { name: "messages.compose", guard: "providerMember", permission: "message_box", echo: ["to", "subject", "body"] },
  async (input, { svc, user, provider }) => {
    const r = await composeMessage(svc, user.id, provider.id, input);
    if (r.ok) redirect(`/messages/${r.threadId}?sent=1`);
    return r;
  },
);

export const replyAction = defineAction({ name: "messages.reply", guard: "providerMember", permission: "message_box", echo: ["body"] }, async (input, { svc, user, provider }) => {
  const r = await replyToThread(svc, user.id, provider.id, input);
  if (r.ok) redirect(`/messages/${r.threadId}?replied=1`);
  return r;
});

export const setThreadStateAction = defineAction(
  { name: "messages.set_state", guard: "providerMember", permission: "message_box", schema: threadStateSchema },
  async ({ threadId, state }, { svc, user, provider }) => {
    const r = await setThreadState(svc, user.id, provider.id, threadId, state);
    if (!r.ok) return r;
    // Marked unread or archived: back to the list it left; back to the inbox: the thread again.
    redirect(state === "unread" ? "/messages" : state === "archived" ? "/messages?done=archived" : `/messages/${threadId}`);
  },
);

export const noticeSettingAction = defineAction(
  { name: "messages.notice_setting", guard: "providerMember", permission: "message_box", schema: noticeSettingSchema },
  async ({ emailNotice }, { svc, user }) => {
    await setNoticeSetting(svc.db, user.id, emailNotice);
    redirect(`/messages?done=${emailNotice ? "notice_on" : "notice_off"}`);
  },
);
