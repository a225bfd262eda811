import { HELP_LINES } from "@/lib/providers/messages";

/** The guides' advice shown beside the Provider Eligibility form (seed 001, 003). */
export function AssociationHelp() {
  return (
    <aside aria-labelledby="association-help-title" className="rounded-lg border border-brand-100 bg-brand-50 p-5 text-sm text-slate-800">
      <h2 id="association-help-title" className="text-base font-semibold text-brand-800">
        Portal Registration Instructions
      </h2>
      <ul className="mt-3 list-disc space-y-2 pl-5">
        <li>Ensure the information you enter matches your Explanation of Benefit (EOB) or Welcome Letter.</li>
        <li>
          <strong>Practitioner:</strong> if you have multiple addresses in your profile, you may use any ZIP code listed.
        </li>
        <li>
          <strong>Group:</strong> your Group Name, Tax ID, Provider ID and ZIP Code must match what appears on your EOB or Welcome Letter. When you register as a Group, you
          will have access to all information for all providers listed under the Group Tax ID.
        </li>
        <li>Your Provider ID/Billing Number is found in your Welcome Letter. If you do not have it, call Provider Services or ask your Provider Representative.</li>
      </ul>
      <h3 className="mt-4 font-semibold text-brand-800">Tip: Practitioner or Group?</h3>
      <p className="mt-1">
        If you are unsure whether to register as a Practitioner or Group, check your Welcome Letter. If your letter indicates you registered under the Group Payee ID,
        select <strong>Group</strong> as the Provider Type. If the letter indicates you registered as an individual, select <strong>Practitioner</strong>.
      </p>
      <p className="mt-3">If an Administrator for the Provider ID already exists, contact them and request access.</p>
      <p className="mt-3">Provider not found? Call the help line at {HELP_LINES}.</p>
    </aside>
  );
}
