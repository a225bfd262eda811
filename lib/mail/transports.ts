import { Resend } from "resend";
import type { OutboxRow } from "@/db/schema";

/** Delivers one outbox row. Throws on failure; the dispatcher retries. */
export interface Transport {
  readonly name: string;
  send(row: OutboxRow): Promise<void>;
}

export interface Transports {
  email?: Transport;
  sms?: Transport;
}

/** Email through Resend. The outbox id is the idempotency key, so a retried row is sent once. */
export function resendTransport(apiKey: string, from: string): Transport {
  const client = new Resend(apiKey);
  return {
    name: "resend",
    async send(row) {
      const { error } = await client.emails.send(
        { from, to: row.recipient, subject: row.subject ?? "", text: row.bodyText, html: row.bodyHtml ?? undefined },
        { idempotencyKey: `outbox-${row.id}` },
      );
      if (error) throw new Error(`Resend: ${error.name ?? "error"}: ${error.message}`);
    },
  };
}

/** SMS through Twilio's REST API. */
export function twilioTransport(accountSid: string, authToken: string, from: string): Transport {
  return {
    name: "twilio",
    async send(row) {
      const res = await fetch(`https://api.twilio.com/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
          "i-twilio-idempotency-token": `outbox-${row.id}`,
        },
        body: new URLSearchParams({ To: row.recipient, From: from, Body: row.bodyText }),
      });
      if (!res.ok) throw new Error(`Twilio: HTTP ${res.status}`);
    },
  };
}

/** The transports the configuration asks for; none means messages stay in the local mailbox. */
export function configuredTransports(config: {
  RESEND_API_KEY?: string;
  MAIL_FROM: string;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_FROM_NUMBER?: string;
}): Transports {
  return {
    email: config.RESEND_API_KEY ? resendTransport(config.RESEND_API_KEY, config.MAIL_FROM) : undefined,
    sms:
      config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM_NUMBER
        ? twilioTransport(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, config.TWILIO_FROM_NUMBER)
        : undefined,
  };
}
