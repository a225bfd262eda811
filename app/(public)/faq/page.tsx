import type { ReactNode } from "react";
import { HelpPage } from "@/components/ui/help-page";

export const metadata = { title: "Frequently Asked Questions" };

/** Answers drawn from the plan's guides (seeds 000–004), in the portal's own words. */
const FAQ: Array<{ q: string; a: ReactNode }> = [
  {
    q: "Who is the Provider Portal for?",
    a: "Individual practitioners and provider groups (such as hospitals and practices) who serve the plan's members, and the office staff who work for them.",
  },
  {
    q: "How do I register?",
    a: (
      <>
        Select <a className="text-brand-700 underline" href="/register">Sign-up</a> on the sign-in page, complete the Create Account form, then select{" "}
        <strong>Activate Account</strong> in the email we send. The{" "}
        <a className="text-brand-700 underline" href="/register/instructions">registration instructions</a> walk through each step.
      </>
    ),
  },
  {
    q: "What password can I use?",
    a: "At least 12 characters, with a lowercase letter, a capital letter, a number and a special character (such as !, @, $ or %). It must not contain your email.",
  },
  {
    q: "My account is locked. What do I do?",
    a: (
      <>
        After too many incorrect sign-in attempts the account locks. Use <a className="text-brand-700 underline" href="/forgot-password">Forgot Password?</a> to reset
        your password and unlock it now, or wait 24 hours and try again.
      </>
    ),
  },
  {
    q: "Why am I asked for a code every time I sign in?",
    a: "Multifactor authentication protects your account and the members' information. You choose an authenticator app, an email code or a text message code the first time you sign in. You can choose not to be challenged on your current device for the next 30 days.",
  },
  {
    q: "How do I get access to my provider's account?",
    a: (
      <>
        The first person from a provider associates the account (Practitioner or Group, matched against the plan's registry) and becomes its administrator. Everyone
        else either receives an invitation from that administrator, or uses{" "}
        <a className="text-brand-700 underline" href="/request-access">Request Access for New User</a>. The administrators have 5 days to approve or deny a request;
        a request nobody answers is denied automatically.
      </>
    ),
  },
  {
    q: "What can a provider user do?",
    a: "What the provider's administrator allows: each user has their own permissions (for example working with the Message Box, signing, submitting, paying the fee). A user without a permission does not see the option in the menu.",
  },
  {
    q: "What is the Message Box?",
    a: "A mailbox for internal mail only: notices about your provider's account, and messages between the members of your provider's team. It cannot send mail outside the portal; you only get an email telling you a new message has arrived.",
  },
  {
    q: "I work for several providers. Do I need several logins?",
    a: "No. Link each provider to your login (Link Account) and switch between them from the account ribbon at the top of the page.",
  },
  {
    q: "The portal does not work in my browser.",
    a: (
      <>
        Check the <a className="text-brand-700 underline" href="/system-requirements">Minimum System Requirements</a>. The portal needs cookies enabled for this site.
      </>
    ),
  },
];

export default function FaqPage() {
  return (
    <HelpPage title="Frequently Asked Questions">
      {FAQ.map(({ q, a }, i) => (
        <section key={q} aria-labelledby={`faq-${i}`}>
          <h2 id={`faq-${i}`} className="text-lg font-semibold text-brand-900">
            {q}
          </h2>
          <p className="mt-1">{a}</p>
        </section>
      ))}
    </HelpPage>
  );
}
