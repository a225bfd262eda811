/** The Provider Agreement's text in a scrollable, keyboard-reachable region. */
export function AgreementText({ agreement }: { agreement: { version: number; title: string; body: string } }) {
  return (
    <div
      role="region"
      aria-label={`${agreement.title} text, version ${agreement.version}`}
      tabIndex={0}
      className="mb-4 max-h-80 overflow-y-auto whitespace-pre-line rounded-md border border-slate-300 bg-slate-50 p-4 text-sm leading-relaxed text-slate-800"
    >
      {agreement.body}
    </div>
  );
}
