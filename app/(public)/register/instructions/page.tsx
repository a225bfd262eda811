import Link from "next/link";

export const metadata = { title: "Registration Instructions" };

/** The registration guide (seeds 003 and 004), in the portal's own words. */
export default function RegistrationInstructionsPage() {
  return (
    <article className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-bold text-brand-800">Registration Instructions</h1>
      <p className="mt-2 text-slate-700">To register on the Provider Portal, complete the following steps.</p>
      <ol className="mt-6 list-decimal space-y-4 pl-6 text-slate-800">
        <li>
          Select the <Link href="/register" className="text-brand-700 underline">Sign-up</Link> link on the sign-in page.
        </li>
        <li>
          On the <strong>Create Account</strong> page, complete the required information (marked with an asterisk), then select <strong>Register</strong>.
          <ul className="mt-2 list-disc space-y-1 pl-6">
            <li>Type the email address you want for your account. We send the activation link to it, and you sign in with it.</li>
            <li>
              Create a password of at least 12 characters, with one lowercase letter, one capital letter, one number and one special character (such as !,
              @, $ and %). It must not contain your username (email).
            </li>
            <li>Enter your first and last name, and choose a security question and answer. Keep the answer handy: support may ask it to confirm who you are.</li>
          </ul>
        </li>
        <li>
          Find the email with the subject <strong>Activate Account</strong> and select the <strong>Activate Account</strong> link. If it is not in your
          inbox, check your spam folder and confirm you entered the right email. The link works once and expires after 7 days; you can{" "}
          <Link href="/resend-activation" className="text-brand-700 underline">send a new one</Link>.
        </li>
        <li>Sign in with your email and password.</li>
        <li>
          Set up multifactor authentication: an authenticator app, a code by email, or a code by text message. You can choose not to be challenged on
          your device for the next 30 days.
        </li>
        <li>
          Associate your account with a Provider ID: choose <strong>Practitioner</strong> or <strong>Group</strong> and enter the details exactly as on
          your Explanation of Benefit (EOB) or welcome letter. Any ZIP code in your profile works.
        </li>
        <li>
          Confirm the <strong>Provider Agreement</strong>, then select <strong>Next</strong>. You are signed in to the Provider Portal.
        </li>
      </ol>
      <h2 className="mt-8 text-xl font-semibold text-brand-800">Locked out?</h2>
      <p className="mt-2 text-slate-700">
        After 5 incorrect sign-in attempts your account is locked. Use <Link href="/forgot-password" className="text-brand-700 underline">Forgot Password?</Link>{" "}
        to reset your password, or wait 24 hours and try again.
      </p>
      <p className="mt-6 text-slate-700">
        Need help? Call the number at the bottom of this page, or{" "}
        <a href="/send-message" className="text-brand-700 underline">
          send us a message
        </a>
        .
      </p>
      <p className="mt-6">
        <Link href="/login" className="text-brand-700 underline">Back to sign in</Link>
      </p>
    </article>
  );
}
