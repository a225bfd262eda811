"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { inviteUsersAction } from "@/app/(portal)/users/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { permissionLabel, roleLabel } from "@/lib/access/permissions";
import { INVITE_ROW_MESSAGES, type InviteRowResult } from "@/lib/users/invite-messages";
import { inviteRowSchema, MAX_INVITES_PER_SEND, ZIP_HINT, type InviteRow, type InviteRowInput } from "@/lib/users/schemas";
import { Dialog } from "@/components/ui/dialog";
import { RolePermissionsFields } from "./role-permissions-fields";

const LABELS = { email: "Email", firstName: "First Name", lastName: "Last Name", zip: "ZIP Code", role: "Role", permissions: "Permissions" };
const EMPTY: InviteRowInput = { email: "", firstName: "", lastName: "", zip: "", role: "user", permissions: [] };

/** "Invite New User": the button and its dialog (Add to List queues people; Send Invitation sends them all). */
export function InviteUsers() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Invite New User</Button>
      {open ? <InviteDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function InviteDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const [queue, setQueue] = useState<InviteRow[]>([]);
  const [results, setResults] = useState<InviteRowResult[] | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const { register, handleSubmit, formState, reset, watch, setError } = useForm<InviteRowInput, unknown, InviteRow>({
    resolver: zodResolver(inviteRowSchema),
    defaultValues: EMPTY,
  });
  const role = watch("role");
  const errors = messagesOf(formState.errors);

  const add = handleSubmit((row) => {
    if (queue.some((q) => q.email === row.email)) return setError("email", { type: "duplicate", message: "This person is already in the list" });
    if (queue.length >= MAX_INVITES_PER_SEND) return setError("email", { type: "max", message: `Send at most ${MAX_INVITES_PER_SEND} invitations at once` });
    setQueue((q) => [...q, { ...row, permissions: row.role === "admin" ? [] : Array.isArray(row.permissions) ? row.permissions : [] }]);
    setResults(null);
    reset({ ...EMPTY, role: row.role, permissions: row.permissions });
    document.getElementById("invite-email")?.focus();
  });

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setSendError(null);
    if (!queue.length) return setSendError("Add at least one person to the list first.");
    setSending(true);
    const r = await callAction(() => inviteUsersAction({ rows: queue }));
    setSending(false);
    if ("unexpected" in r) return setSendError(UNEXPECTED_ERROR);
    if (!r.ok) return setSendError(r.reason === "forbidden" ? "Only an administrator of this provider can invite people." : "Check the list and try again.");
    setResults(r.results);
    // Keep the ones that failed in the list so they can be fixed and sent again.
    const failed = new Set(r.results.filter((x) => !x.ok).map((x) => x.email));
    setQueue((q) => q.filter((x) => failed.has(x.email)));
    router.refresh();
  };

  return (
    <Dialog title="Invite New User" onClose={onClose} wide>
      <form onSubmit={add} noValidate>
        <ErrorSummary errors={errors} labels={LABELS} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField id="invite-email" label="Email" required type="email" autoComplete="off" error={errors.email} {...register("email")} />
          <TextField id="invite-zip" label="ZIP Code" required inputMode="numeric" hint={ZIP_HINT} error={errors.zip} {...register("zip")} />
          <TextField id="invite-firstName" label="First Name" required error={errors.firstName} {...register("firstName")} />
          <TextField id="invite-lastName" label="Last Name" required error={errors.lastName} {...register("lastName")} />
        </div>
        <RolePermissionsFields register={register} role={role ?? "user"} idPrefix="invite" error={errors.permissions} />
        <SubmitButton variant="secondary">Add to List</SubmitButton>
      </form>

      <form onSubmit={send} noValidate className="mt-6 border-t border-slate-200 pt-4">
        <h3 className="mb-2 font-semibold text-brand-800">People to invite ({queue.length})</h3>
        {sendError ? <Alert tone="error">{sendError}</Alert> : null}
        {queue.length ? (
          <ul className="mb-4 divide-y divide-slate-200 rounded border border-slate-200">
            {queue.map((q) => (
              <li key={q.email} className="flex items-start justify-between gap-4 px-3 py-2 text-sm">
                <span>
                  <strong>
                    {q.firstName} {q.lastName}
                  </strong>{" "}
                  &lt;{q.email}&gt;, ZIP {q.zip}, {roleLabel(q.role)}
                  {q.role === "user" ? `: ${q.permissions.length ? q.permissions.map((p) => permissionLabel(p)).join(", ") : "no permissions"}` : ""}
                </span>
                <Button variant="link" aria-label={`Remove ${q.email} from the list`} onClick={() => setQueue((all) => all.filter((x) => x.email !== q.email))}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-sm text-slate-700">Nobody yet. Fill in the details above and choose Add to List.</p>
        )}
        {results ? (
          <div role="status" className="mb-4">
            <h3 className="mb-1 font-semibold text-brand-800">Results</h3>
            <ul className="space-y-1 text-sm" aria-label="Invitation results">
              {results.map((r, i) => (
                <li key={`${r.email}-${i}`} className={r.ok ? "text-green-900" : "text-red-800"}>
                  {r.ok ? `Invitation sent to ${r.email}.` : `Not sent to ${r.email || "(no email)"}: ${INVITE_ROW_MESSAGES[r.reason]}`}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="flex gap-3">
          <SubmitButton disabled={sending}>{sending ? "Sending…" : "Send Invitation"}</SubmitButton>
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
