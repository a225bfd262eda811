"use server";

import { defineAction } from "@/lib/next/action";
import { sendSupportMessage } from "@/lib/support/send-message";

export const sendSupportMessageAction = defineAction(
  { name: "support.send_message", guard: "public", echo: ["name", "email", "phone", "topic", "message"] },
  async (input, { svc, request }) => sendSupportMessage(svc, input, request),
);
