"use client";

import type { ReactNode } from "react";
import { approveRequestAction, denyRequestAction } from "@/app/(portal)/users/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextAreaField } from "@/components/ui/field";
import { permissionLabel, roleLabel, type Role } from "@/lib/access/permissions";
import type { DecideResult, RequestView } from "@/lib/requests/decide";
import { REASON_MAX } from "@/lib/requests/policy";
import { PROGRAMS } from "@/lib/requests/schemas";
import { Dialog, DialogFormButtons, DialogOpener, useAddressedDialog } from "@/components/ui/dialog";
import { DialogOutcome, useDialogAnswer } from "./dialog-answer";
import { grantSummary } from "./messages";
import { firstPermissionSelector, plainFormFields, RolePermissionsFields, usePickedGrant } from "./role-permissions-fields";
import { Cell, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";

const programLabel = (id: string) => PROGRAMS.find((p) => p.id === id)?.label ?? id;
const fullName = (r: RequestView) => `${r.firstName} ${r.lastName}`;

/** The request's details, as the requester typed them. */
function Details({ r, timeZone }: { r: RequestView; timeZone: string }) {
  const rows: Array<[string, ReactNode]> = [
    ["Email", r.email],
    ["Position/Title", r.positionTitle],
    ["Phone Number", r.phoneExtension ? `${r.phone} Extn ${r.phoneExtension}` : r.phone],
    ["Program", r.state ? `${programLabel(r.program)}, ${r.state}` : programLabel(r.program)],
    ["Submitted", <DateTime value={r.createdAt} timeZone={timeZone} />],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-slate-700">{k}</dt>
          <dd className="text-slate-900 [overflow-wrap:anywhere]">{v}</dd>
        </div>
      ))}
      <dt className="font-medium text-slate-700">Reason for requesting access</dt>
      <dd className="whitespace-pre-wrap break-words text-slate-900">{r.reason}</dd>
    </dl>
  );
}

type Decision = "approve" | "deny";
export type Deciding = { request: RequestView; decision: Decision };

const PAGE = "/users/requests";

/**
 * Pending requests, oldest first, each with its time left and Approve / Deny. `timeZone`:
 * PORTAL_TIME_ZONE, from the page. Approve and Deny are small GET forms (`?approve=ID`): without
 * JavaScript the page comes back with that dialog open (`open`), rendered by the server; with
 * JavaScript the dialog opens at once.
 */
export function PendingRequests({ rows, timeZone, open }: { rows: RequestView[]; timeZone: string; open: Deciding | null }) {
  // The open dialog outlives its row: a refusal ("already decided") stays readable after the refresh removes the request.
  const { open: deciding, show: setDeciding, close } = useAddressedDialog(open, PAGE);
  return (
    <>
      {rows.length ? null : <p className="text-slate-700">No pending access requests.</p>}
      <ul className="space-y-4" aria-label="Pending access requests" hidden={!rows.length}>
        {rows.map((r) => (
          <li key={r.id} className="rounded-md border border-slate-200 p-4">
            <article aria-labelledby={`req-${r.id}`}>
              <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                <h3 id={`req-${r.id}`} className="text-base font-semibold text-slate-900">
                  {fullName(r)}
                </h3>
                <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900">{r.timeLeft}</span>
              </div>
              <Details r={r} timeZone={timeZone} />
              <div className="mt-3 flex gap-2">
                <DialogOpener page={PAGE} params={{ approve: r.id }} onOpen={() => setDeciding({ request: r, decision: "approve" })} label={`Approve request from ${r.email}`}>
                  Approve
                </DialogOpener>
                <DialogOpener page={PAGE} params={{ deny: r.id }} onOpen={() => setDeciding({ request: r, decision: "deny" })} variant="danger" label={`Deny request from ${r.email}`}>
                  Deny
                </DialogOpener>
              </div>
            </article>
          </li>
        ))}
      </ul>
      {deciding?.decision === "approve" ? <ApproveDialog request={deciding.request} onClose={close} /> : null}
      {deciding?.decision === "deny" ? <DenyDialog request={deciding.request} onClose={close} /> : null}
    </>
  );
}

/** What a refusal from lib/requests means to the administrator. */
function refusal(r: { reason: string; message?: string }): string {
  if (r.reason === "already_decided") return r.message ?? "This request was already decided.";
  if (r.reason === "forbidden") return "Only an administrator of this provider can decide its requests.";
  if (r.reason === "not_found") return "That request is not one of this provider's. Refresh the page.";
  return UNEXPECTED_ERROR;
}

const approvedText = (r: RequestView, role: Role, permissions: readonly string[]) =>
  `Approved the request from ${fullName(r)} as ${grantSummary(role, permissions)}. ${r.email} was emailed a link to create their account.`;
const deniedText = (r: RequestView) => `Denied the request from ${fullName(r)}. ${r.email} was emailed the decision.`;

/**
 * Both dialogs' form, posted to its action with or without JavaScript: field errors go on the
 * fields, a refusal stays in the dialog, success is said (useDialogAnswer). Without JavaScript the
 * server renders the page again with the same answer, and the dialog shows the outcome from the
 * request as it now stands.
 */
function useDecision(action: (state: DecideResult | null, form: FormData) => Promise<DecideResult>, onClose: () => void, successText: () => string) {
  const decision = useFormAction(action);
  const { state } = decision;
  useDialogAnswer(state, onClose, successText);
  const formError = state && !state.ok && state.reason !== "invalid" ? refusal(state) : null;
  return { ...decision, formError };
}

function ApproveDialog({ request, onClose }: { request: RequestView; onClose: () => void }) {
  // What the boxes say now: the role decides what the fields show, and both make the status message.
  const [picked, onChange] = usePickedGrant({ role: "user", permissions: [] });
  const { state, pending, errors, form, formError } = useDecision(approveRequestAction, onClose, () => approvedText(request, picked.role, picked.permissions));
  return (
    // Opens on the first permission: the Administrator radio is one arrow key from promoting the requester.
    <Dialog title={`Approve request from ${fullName(request)}`} onClose={onClose} closeHref={PAGE} initialFocus={firstPermissionSelector("approve")}>
      {state?.ok && request.status === "approved" ? (
        <DialogOutcome text={approvedText(request, request.grantedRole ?? "user", request.grantedPermissions)} page={PAGE} />
      ) : (
        <form {...form} onChange={onChange}>
          <input type="hidden" name="requestId" value={request.id} />
          <ErrorSummary errors={errors} labels={{ role: "Role", permissions: "Permissions" }} formError={formError} />
          <p className="mb-4 text-sm text-slate-700">
            {request.email} will be emailed a link to proceed with registration. Choose what they may do for this provider.
          </p>
          <RolePermissionsFields register={plainFormFields} defaults={{ role: "user", permissions: [] }} role={picked.role} idPrefix="approve" error={errors.permissions} />
          <DialogFormButtons label="Approve and send email" busyLabel="Approving…" busy={pending} onCancel={onClose} cancelHref={PAGE} />
        </form>
      )}
    </Dialog>
  );
}

function DenyDialog({ request, onClose }: { request: RequestView; onClose: () => void }) {
  const { state, pending, errors, values, form, formError } = useDecision(denyRequestAction, onClose, () => deniedText(request));
  return (
    <Dialog title={`Deny request from ${fullName(request)}`} onClose={onClose} closeHref={PAGE}>
      {state?.ok && request.status === "denied" ? (
        <DialogOutcome text={deniedText(request)} page={PAGE} />
      ) : (
        <form {...form}>
          <input type="hidden" name="requestId" value={request.id} />
          <ErrorSummary errors={errors} labels={{ reason: "Reason" }} formError={formError} />
          <p className="mb-4 text-sm text-slate-700">{request.email} will be emailed that the request was denied.</p>
          <TextAreaField
            id="deny-reason"
            name="reason"
            label="Reason (optional, included in the email)"
            rows={3}
            hint={`At most ${REASON_MAX} characters.`}
            defaultValue={values.reason ?? ""}
            error={errors.reason}
          />
          <DialogFormButtons label="Deny request" busyLabel="Denying…" busy={pending} onCancel={onClose} cancelHref={PAGE} variant="danger" />
        </form>
      )}
    </Dialog>
  );
}

function decisionText(r: RequestView): string {
  if (r.status === "approved") {
    const perms =
      r.grantedRole === "admin"
        ? ""
        : `: ${
            r.grantedPermissions
              .map((p) => permissionLabel(p))
              .filter(Boolean)
              .join(", ") || "no permissions"
          }`;
    return `Approved as ${r.grantedRole ? roleLabel(r.grantedRole) : "User"}${perms}`;
  }
  if (r.autoDenied) return "Denied automatically after 5 days";
  return r.denialReason ? `Denied: ${r.denialReason}` : "Denied";
}

/** Decided and auto-denied requests, newest first. */
export function RequestsHistory({ rows, timeZone }: { rows: RequestView[]; timeZone: string }) {
  if (!rows.length) return <p className="text-slate-700">No decided requests yet.</p>;
  return (
    <DataTable caption="Decided and automatically denied requests" columns={["Email", "Name", "Submitted", "Decision", "Decided"]}>
      {rows.map((r) => (
        <Row key={r.id}>
          <RowHeader label="Email">{r.email}</RowHeader>
          <Cell label="Name">{fullName(r)}</Cell>
          <Cell label="Submitted" className="sm:whitespace-nowrap">
            <DateTime value={r.createdAt} timeZone={timeZone} />
          </Cell>
          <Cell label="Decision">{decisionText(r)}</Cell>
          <Cell label="Decided" className="sm:whitespace-nowrap">
            {r.decidedAt ? <DateTime value={r.decidedAt} timeZone={timeZone} /> : "—"}
            {r.decidedByName ? (
              <span className="block text-xs text-slate-600">by {r.decidedByName}</span>
            ) : r.autoDenied ? (
              <span className="block text-xs text-slate-600">by the portal</span>
            ) : null}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
