"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
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
import { RolePermissionsFields } from "./role-permissions-fields";
import { DataTable } from "@/components/ui/data-table";

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const programLabel = (id: string) => PROGRAMS.find((p) => p.id === id)?.label ?? id;
const fullName = (r: RequestView) => `${r.firstName} ${r.lastName}`;

/** The request's details, as the requester typed them. */
function Details({ r }: { r: RequestView }) {
  const rows: Array<[string, string]> = [
    ["Email", r.email],
    ["Position/Title", r.positionTitle],
    ["Phone Number", r.phoneExtension ? `${r.phone} Extn ${r.phoneExtension}` : r.phone],
    ["Program", r.state ? `${programLabel(r.program)}, ${r.state}` : programLabel(r.program)],
    ["Submitted", `${when.format(r.createdAt)} UTC`],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-slate-700">{k}</dt>
          <dd className="text-slate-900">{v}</dd>
        </div>
      ))}
      <dt className="font-medium text-slate-700">Reason for requesting access</dt>
      <dd className="whitespace-pre-wrap break-words text-slate-900">{r.reason}</dd>
    </dl>
  );
}

type Deciding = { request: RequestView; decision: "approve" | "deny" };

/** Pending requests, oldest first, each with its time left and Approve / Deny. */
export function PendingRequests({ rows }: { rows: RequestView[] }) {
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
              <Details r={r} />
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
 * Both dialogs' submit: success closes and refreshes; field errors go on the fields; a refusal is
 * shown in the dialog while the page refreshes behind it (the request leaves the pending list).
 */
function useDecision<T extends FieldValues>(onClose: () => void, setError: UseFormSetError<T>) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const decide = async (action: () => Promise<DecideResult>) => {
    setFormError(null);
    const r = await callAction(action);
    if ("unexpected" in r) return setFormError(UNEXPECTED_ERROR);
    if (r.ok) onClose();
    else if (r.reason === "invalid") return applyServerErrors(setError, r.fieldErrors);
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
  const onSubmit = handleSubmit((v) =>
    decide(() => approveRequestAction(request.id, { role: v.role, permissions: v.role === "admin" ? [] : Array.isArray(v.permissions) ? v.permissions : [] })),
  );
  return (
    <Dialog title={`Approve request from ${fullName(request)}`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} labels={{ role: "Role", permissions: "Permissions" }} formError={formError} />
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
  const onSubmit = handleSubmit((v) => decide(() => denyRequestAction(request.id, v)));
  return (
    <Dialog title={`Deny request from ${fullName(request)}`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} labels={{ reason: "Reason" }} formError={formError} />
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
export function RequestsHistory({ rows }: { rows: RequestView[] }) {
  if (!rows.length) return <p className="text-slate-700">No decided requests yet.</p>;
  return (
    <DataTable caption="Decided and automatically denied requests (times in UTC)" columns={["Email", "Name", "Submitted", "Decision", "Decided"]}>
      {rows.map((r) => (
        <tr key={r.id} className="border-b border-slate-200 align-top">
          <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
            {r.email}
          </th>
          <td className="py-2 pr-4">{fullName(r)}</td>
          <td className="py-2 pr-4 whitespace-nowrap">{when.format(r.createdAt)}</td>
          <td className="py-2 pr-4">{decisionText(r)}</td>
          <td className="py-2">
            {r.decidedAt ? when.format(r.decidedAt) : "—"}
            {r.decidedByName ? (
              <span className="block text-xs text-slate-600">by {r.decidedByName}</span>
            ) : r.autoDenied ? (
              <span className="block text-xs text-slate-600">by the portal</span>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
