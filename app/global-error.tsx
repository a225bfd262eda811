"use client";

/** The last resort when the root layout itself failed: plain HTML, with the log reference. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>Something went wrong</h1>
        <p>
          Try again in a moment. If it keeps happening, call support and give them this reference: <strong>{error.digest ?? "none"}</strong>
        </p>
      </body>
    </html>
  );
}
