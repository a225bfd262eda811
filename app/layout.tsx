import type { Metadata } from "next";
import { siteConfig } from "@/lib/site";
import "./globals.css";

// Every page depends on the session or the database: render at request time.
export const dynamic = "force-dynamic";

export function generateMetadata(): Metadata {
  const { portalName } = siteConfig();
  return { title: { default: portalName, template: `%s | ${portalName}` } };
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  const { portalName, supportPhone } = siteConfig();
  return (
    <html lang="en">
      <body className="min-h-screen flex flex-col text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-800 focus:shadow"
        >
          Skip to main content
        </a>
        <header className="bg-brand-800 text-white">
          <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
            {/* A plain link: next/link here would put its client code on every page, the sign-in page included. */}
            <a href="/" className="text-lg font-semibold tracking-tight hover:underline">
              {portalName}
            </a>
            <div id="header-slot" />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-600">
            For technical assistance with this website please call{" "}
            <a className="whitespace-nowrap font-semibold text-brand-700 underline" href={`tel:${supportPhone.replace(/[^\d+]/g, "")}`}>
              {supportPhone}
            </a>
          </div>
        </footer>
      </body>
    </html>
  );
}
