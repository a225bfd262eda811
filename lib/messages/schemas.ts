import { z } from "zod";
import { textField } from "@/lib/text";

/** The Message Box forms' rules, shared by the actions and lib/messages. */

import { BODY_MAX, MAX_RECIPIENTS, SUBJECT_MAX } from "./limits";

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Unknown record");
const body = textField({ name: "Message", max: BODY_MAX, required: "Write a message", multiline: true });

export const composeSchema = z.object({
  // One chosen name arrives as a string, several as an array (a checkbox group).
  to: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : typeof v === "string" ? [v] : v),
    z.array(uuid, { error: "Choose who to write to" }).min(1, "Choose at least one recipient").max(MAX_RECIPIENTS, `Choose at most ${MAX_RECIPIENTS} recipients`),
  ),
  subject: textField({ name: "Subject", max: SUBJECT_MAX, required: "Enter a subject" }),
  body,
});
export type ComposeInput = z.output<typeof composeSchema>;

export const replySchema = z.object({ threadId: uuid, body });
export const threadIdSchema = z.object({ threadId: uuid });
export const threadStateSchema = z.object({ threadId: uuid, state: z.enum(["read", "unread", "archived", "inbox"], { error: "Unknown change" }) });
export const noticeSettingSchema = z.object({ emailNotice: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()) });
