import { PASSWORD_RULES } from "@/lib/auth/password-rules";

/** The password rules, ticked off live as the person types (status is polite, not chatty). */
export function PasswordChecklist({ id, password, email }: { id: string; password: string; email: string }) {
  const results = PASSWORD_RULES.map((rule) => ({ rule, met: password.length > 0 && rule.test(password, email) }));
  const unmet = results.filter((r) => !r.met).length;
  return (
    <div id={id} className="-mt-2 mb-4 rounded-md bg-slate-50 p-3 text-sm">
      <p className="font-medium text-slate-800">Your password must have:</p>
      <ul className="mt-1 space-y-0.5">
        {results.map(({ rule, met }) => (
          <li key={rule.id} className={met ? "text-green-800" : "text-slate-700"}>
            <span aria-hidden="true">{met ? "✓" : "○"}</span> {rule.label}
            <span className="sr-only">{met ? " (met)" : " (not yet met)"}</span>
          </li>
        ))}
      </ul>
      <p className="sr-only" aria-live="polite">
        {password ? (unmet === 0 ? "All password rules are met." : `${unmet} password ${unmet === 1 ? "rule" : "rules"} not yet met.`) : ""}
      </p>
    </div>
  );
}
