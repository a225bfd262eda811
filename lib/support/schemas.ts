import { z } from "zod";
import { emailField } from "@/lib/auth/schemas";
import { optionalTextField, textField } from "@/lib/text";
import { SUPPORT_MESSAGE_MAX, SUPPORT_TOPICS } from "./policy";

const TOPIC_CODES = SUPPORT_TOPICS.map(([code]) => code) as [string, ...string[]];

/** Send Message: who writes, how to answer them, and what about. */
export const supportMessageSchema = z.object({
  name: textField({ name: "Name", max: 100, required: "Enter your name" }),
  email: emailField,
  phone: optionalTextField({ name: "Phone Number", max: 30 }).refine((v) => v === "" || /^[\d\s()+.-]{7,30}$/.test(v), "Enter a phone number such as 614-555-0100, or leave it empty"),
  topic: z.enum(TOPIC_CODES, { error: "Choose what your message is about" }),
  message: textField({ name: "Message", max: SUPPORT_MESSAGE_MAX, required: "Enter your message", multiline: true }),
  /** Honeypot: hidden from people, filled by naive bots. */
  website: z.string().max(500).optional().default(""),
});
export type SupportMessageInput = z.input<typeof supportMessageSchema>;
