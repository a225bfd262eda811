import { PortalShell } from "@/components/providers/portal-shell";
import { ActionButton } from "@/components/settings/action-button";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { RegenerateCodes } from "@/components/settings/regenerate-codes";
import { ReverifyForm } from "@/components/settings/reverify-form";
import { SecurityQuestionForm } from "@/components/settings/security-question-form";
import { ButtonLink } from "@/components/ui/button-link";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { appServices } from "@/lib/app-services";
import { listLiveSessions, needsReverification } from "@/lib/auth/account-settings";
import { confirmedFactors, FACTOR_LABELS } from "@/lib/mfa/factors";
import { formatUsPhone } from "@/lib/mfa/phone";
import { remainingRecoveryCodes } from "@/lib/mfa/recovery";
import { listTrustedDevices } from "@/lib/mfa/trusted-devices";
import { getProviderContext, linkedAccountsFor } from "@/lib/next/provider-context";
import { siteConfig } from "@/lib/site";
import { formatDateTime } from "@/lib/time-format";
import { endSessionAction, removeFactorAction, revokeDeviceAction, signOutEverywhereAction } from "./actions";

export const metadata = { title: "Security settings" };

function describeAgent(ua: string | null) {
  if (!ua) return "Unknown browser";
  const browser = /Edg\//.test(ua) ? "Edge" : /Chrome\//.test(ua) ? "Chrome" : /Firefox\//.test(ua) ? "Firefox" : /Safari\//.test(ua) ? "Safari" : "Browser";
  const os = /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} on ${os}` : browser;
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={id} className="mb-4 text-lg font-semibold text-brand-800">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function SecuritySettingsPage() {
  const { user, session, active } = await getProviderContext();
  const svc = await appServices();
  const accounts = await linkedAccountsFor(user.id, active?.provider.id ?? null);
  const { timeZone } = siteConfig();
  // Shown as <time>; the same words inside accessible names, where markup cannot go.
  const at = (d: Date) => <DateTime value={d} timeZone={timeZone} />;
  const when = (d: Date) => formatDateTime(d, timeZone);
  const frame = (body: React.ReactNode) => (
    <PortalShell userName={`${user.firstName} ${user.lastName}`} accounts={accounts} current="settings">
      <div className="space-y-6">
        <h1 className="text-2xl font-bold text-brand-800">Security settings</h1>
        {body}
      </div>
    </PortalShell>
  );
  if (needsReverification(session, svc.clock.now())) {
    return frame(
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-lg font-semibold text-brand-800">Confirm it&apos;s you</h2>
        <p className="mb-4 mt-1 text-slate-700">Enter your password to change security settings.</p>
        <ReverifyForm />
      </div>,
    );
  }
  const [factors, codesLeft, devices, liveSessions] = await Promise.all([
    confirmedFactors(svc.db, user.id),
    remainingRecoveryCodes(svc.db, user.id),
    listTrustedDevices(svc.db, user.id, svc.clock),
    listLiveSessions(svc, user.id),
  ]);
  return frame(
    <>

      <Section id="factors-heading" title="Verification methods">
        <DataTable caption="Your verification methods" captionHidden columns={["Method", "Added", "Actions"]}>
          {factors.map((f) => (
            <Row key={f.id}>
              <Cell label="Method">
                {FACTOR_LABELS[f.type]} {f.phone ? <span className="text-slate-600">{formatUsPhone(f.phone)}</span> : null}
              </Cell>
              <Cell label="Added">{f.confirmedAt ? at(f.confirmedAt) : "—"}</Cell>
              <Cell label="Actions">
                {factors.length > 1 ? (
                  <ActionButton
                    action={removeFactorAction}
                    fields={{ factorId: f.id }}
                    label="Remove"
                    accessibleName={`Remove ${FACTOR_LABELS[f.type]}`}
                    confirm={`Remove ${FACTOR_LABELS[f.type]}?`}
                    failures={{ last_factor: "You need at least one verification method.", not_found: "That method no longer exists." }}
                  />
                ) : (
                  <span className="text-slate-600">Your only method</span>
                )}
              </Cell>
            </Row>
          ))}
        </DataTable>
        <ButtonLink href="/mfa/setup" variant="secondary" className="mt-4">
          Add another method
        </ButtonLink>
      </Section>

      <Section id="recovery-heading-section" title="Recovery codes">
        <p className="mb-3 text-slate-700">
          {codesLeft} of 10 recovery codes left. Each works once if you lose your verification method.
        </p>
        <RegenerateCodes />
      </Section>

      <Section id="password-heading" title="Change password">
        <ChangePasswordForm email={user.email} />
      </Section>

      <Section id="question-heading" title="Security question">
        <SecurityQuestionForm current={user.securityQuestion} />
      </Section>

      <Section id="devices-heading" title="Trusted devices">
        {devices.length === 0 ? (
          <p className="text-slate-700">No device skips the verification step.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {devices.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  {describeAgent(d.userAgent)} · trusted {at(d.createdAt)} · until {at(d.expiresAt)}
                </span>
                <ActionButton action={revokeDeviceAction} fields={{ deviceId: d.id }} label="Revoke" accessibleName={`Revoke ${describeAgent(d.userAgent)} trusted ${when(d.createdAt)}`} />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="sessions-heading" title="Active sessions">
        <ul className="divide-y divide-slate-100">
          {liveSessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="min-w-0 [overflow-wrap:anywhere]">
                {describeAgent(s.userAgent)} · {s.ip ?? "unknown address"} · signed in {at(s.createdAt)}
                {s.id === session.id ? <strong className="ml-2 text-green-800">This session</strong> : null}
              </span>
              {s.id === session.id ? null : (
                <ActionButton action={endSessionAction} fields={{ sessionId: s.id }} label="Sign out" accessibleName={`Sign out session from ${s.ip ?? "unknown address"} signed in ${when(s.createdAt)}`} />
              )}
            </li>
          ))}
        </ul>
        <div className="mt-4 flex flex-wrap gap-3">
          <ActionButton action={signOutEverywhereAction} label="Sign out everywhere" variant="danger" confirm="Sign out of every session and forget every trusted device?" />
        </div>
      </Section>
    </>,
  );
}
