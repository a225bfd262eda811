import { HelpPage } from "@/components/ui/help-page";

export const metadata = { title: "Minimum System Requirements" };

export default function SystemRequirementsPage() {
  return (
    <HelpPage title="Minimum System Requirements" intro="The portal runs in a current web browser on a computer, tablet or phone. Nothing needs to be installed.">
      <section>
        <h2 className="text-lg font-semibold text-brand-900">Browser</h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>The two most recent versions of Microsoft Edge, Google Chrome, Mozilla Firefox or Apple Safari.</li>
          <li>Cookies enabled for this site (the portal keeps you signed in with one). Blocking other sites&apos; cookies is fine.</li>
          <li>JavaScript is recommended but not required: every form also works with it turned off.</li>
        </ul>
      </section>
      <section>
        <h2 className="text-lg font-semibold text-brand-900">Screen and accessibility</h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>Any screen from 320 pixels wide; the pages reflow on phones and when zoomed to 400 %.</li>
          <li>Works with screen readers, keyboard-only use and the operating system&apos;s high-contrast settings.</li>
        </ul>
      </section>
      <section>
        <h2 className="text-lg font-semibold text-brand-900">Multifactor authentication</h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>An authenticator app (such as Microsoft Authenticator or Google Authenticator), or</li>
          <li>an email address you can read while signing in, or a mobile phone that receives text messages.</li>
        </ul>
      </section>
      <section>
        <h2 className="text-lg font-semibold text-brand-900">Email</h2>
        <p className="mt-1">Allow mail from the portal&apos;s address so activation, reset and Message Box notices reach your inbox, not your spam folder.</p>
      </section>
    </HelpPage>
  );
}
