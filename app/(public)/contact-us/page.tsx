import { HelpPage } from "@/components/ui/help-page";

export const metadata = { title: "Contact Us" };

export default function ContactUsPage() {
  return (
    <HelpPage title="Contact Us">
      <section>
        <h2 className="text-lg font-semibold text-brand-900">Technical assistance with this website</h2>
        <p className="mt-1">Call the number at the bottom of this page, Monday to Friday, 8 a.m. to 6 p.m. Have your email and security answer ready: we use them to confirm who you are.</p>
      </section>
      <section>
        <h2 className="text-lg font-semibold text-brand-900">Write to us</h2>
        <p className="mt-1">
          Use <a className="text-brand-700 underline" href="/send-message">Send Message</a> for anything that can wait a day or two. We answer by email or phone within 2
          business days. Do not include member health information.
        </p>
      </section>
      <section>
        <h2 className="text-lg font-semibold text-brand-900">Access to a provider&apos;s account</h2>
        <p className="mt-1">
          Your provider&apos;s administrator manages who may use its account. To ask for access, use{" "}
          <a className="text-brand-700 underline" href="/request-access">Request Access for New User</a>.
        </p>
      </section>
    </HelpPage>
  );
}
