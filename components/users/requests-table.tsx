"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useForm, type FieldValues, type UseFormSetError } from "react-hook-form";
import { approveRequestAction, denyRequestAction } from "@/app/(portal)/users/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { permissionLabel, roleLabel } from "@/lib/access/permissions";
import type { DecideResult, RequestView } from "@/lib/requests/decide";
import { REASON_MAX } from "@/lib/requests/policy";
import { approveSchema, denySchema, PROGRAMS, type ApproveInput, type DenyInput } from "@/lib/requests/schemas";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import { grantSummary } from "./messages";
import { firstPermissionSelector, RolePermissionsFields } from "./role-permissions-fields";
import { useAnnounce } from "./status";
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

type Deciding = { request: RequestView; decision: "approve" | "deny" };

/** Pending requests, oldest first, each with its time left and Approve / Deny. `timeZone`: PORTAL_TIME_ZONE, from the page. */
export function PendingRequests({ rows, timeZone }: { rows: RequestView[]; timeZone: string }) {
  // The open dialog outlives its row: a refusal ("already decided") stays readable after the refresh removes the request.
  const [deciding, setDeciding] = useState<Deciding | null>(null);
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
                <Button aria-label={`Approve request from ${r.email}`} onClick={() => setDeciding({ request: r, decision: "approve" })}>
                  Approve
                </Button>
                <Button variant="danger" aria-label={`Deny request from ${r.email}`} onClick={() => setDeciding({ request: r, decision: "deny" })}>
                  Deny
                </Button>
              </div>
            </article>
          </li>
        ))}
      </ul>
      {deciding?.decision === "approve" ? <ApproveDialog request={deciding.request} onClose={() => setDeciding(null)} /> : null}
      {deciding?.decision === "deny" ? <DenyDialog request={deciding.request} onClose={() => setDeciding(null)} /> : null}
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

/**
 * Both dialogs' submit: success closes, says what was done in the status region and refreshes;
 * field errors go on the fields; a refusal is shown in the dialog while the page refreshes behind
 * it (the request leaves the pending list).
 */
function useDecision<T extends FieldValues>(onClose: () => void, setError: UseFormSetError<T>) {
  const router = useRouter();
  const announce = useAnnounce();
  const [formError, setFormError] = useState<string | null>(null);
  const decide = async (action: () => Promise<DecideResult>, success: string) => {
    setFormError(null);
    const r = await callAction(action);
    if ("unexpected" in r) return setFormError(UNEXPECTED_ERROR);
    if (r.ok) {
      onClose();
      announce(success);
    } else if (r.reason === "invalid") return applyServerErrors(setError, r.fieldErrors);
    else setFormError(refusal(r));
    router.refresh();
  };
  return { formError, decide };
}

function ApproveDialog({ request, onClose }: { request: RequestView; onClose: () => void }) {
  const { register, handleSubmit, formState, setError, watch } = useForm<ApproveInput>({
    resolver: zodResolver(approveSchema),
    defaultValues: { role: "user", permissions: [] },
  });
  const { formError, decide } = useDecision(onClose, setError);
  const errors = messagesOf(formState.errors);
  const onSubmit = handleSubmit((v) => {
    const permissions = v.role === "admin" ? [] : Array.isArray(v.permissions) ? v.permissions : [];
    return decide(
      () => approveRequestAction({ requestId: request.id, decision: { role: v.role, permissions } }),
      `Approved the request from ${fullName(request)} as ${grantSummary(v.role, permissions)}. ${request.email} was emailed a link to create their account.`,
    );
  });
  return (
    // Opens on the first permission: the Administrator radio is one arrow key from promoting the requester.
    <Dialog title={`Approve request from ${fullName(request)}`} onClose={onClose} initialFocus={firstPermissionSelector("approve")}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} labels={{ role: "Role", permissions: "Permissions" }} formError={formError} submitCount={formState.submitCount} />
        <p className="mb-4 text-sm text-slate-700">
          {request.email} will be emailed a link to proceed with registration. Choose what they may do for this provider.
        </p>
        <RolePermissionsFields register={register} role={watch("role") ?? "user"} idPrefix="approve" error={errors.permissions} />
        <DialogFormButtons label="Approve and send email" busyLabel="Approving…" busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function DenyDialog({ request, onClose }: { request: RequestView; onClose: () => void }) {
  const { register, handleSubmit, formState, setError } = useForm<DenyInput>({ resolver: zodResolver(denySchema), defaultValues: { reason: "" } });
  const { formError, decide } = useDecision(onClose, setError);
  const errors = messagesOf(formState.errors);
  const onSubmit = handleSubmit((v) =>
    decide(() => denyRequestAction({ requestId: request.id, decision: v }), `Denied the request from ${fullName(request)}. ${request.email} was emailed the decision.`),
  );
  return (
    <Dialog title={`Deny request from ${fullName(request)}`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} labels={{ reason: "Reason" }} formError={formError} submitCount={formState.submitCount} />
        <p className="mb-4 text-sm text-slate-700">{request.email} will be emailed that the request was denied.</p>
        <TextAreaField
          id="deny-reason"
          label="Reason (optional, included in the email)"
          rows={3}
          hint={`At most ${REASON_MAX} characters.`}
          error={errors.reason}
          {...register("reason")}
        />
        <DialogFormButtons label="Deny request" busyLabel="Denying…" busy={formState.isSubmitting} onCancel={onClose} variant="danger" />
      </form>
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
