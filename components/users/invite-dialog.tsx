"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { checkInviteRowAction, inviteUsersAction } from "@/app/(portal)/users/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { applyServerErrors, callAction, messagesOf, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { INVITE_ROW_MESSAGES, type InviteRowResult } from "@/lib/users/invite-messages";
import { inviteRowSchema, MAX_INVITES_PER_SEND, ZIP_HINT, type InviteRow, type InviteRowInput } from "@/lib/users/schemas";
import { Dialog, DialogOpener, useAddressedDialog } from "@/components/ui/dialog";
import { grantSummary } from "./messages";
import { plainFormFields, RolePermissionsFields } from "./role-permissions-fields";
import { useAnnounce } from "./status";

const LABELS = { email: "Email", firstName: "First Name", lastName: "Last Name", zip: "ZIP Code", role: "Role", permissions: "Permissions" };
const EMPTY: InviteRowInput = { email: "", firstName: "", lastName: "", zip: "", role: "user", permissions: [] };
const FORBIDDEN = "Only an administrator of this provider can invite people.";

type Failure = Exclude<InviteRowResult, { ok: true }>;
/** A person in the list; `failure` says why Send Invitation did not send to them (they stay to be fixed). */
type Queued = { row: InviteRow; failure?: Failure };

/**
 * "Invite New User": the button and its dialog (Add to List queues people; Send Invitation sends
 * them all). The button is a GET form to `page?invite=1`: without JavaScript the page renders the
 * dialog open (`open`), with a form for one person at a time (a list needs a script to keep it).
 */
export function InviteUsers({ page, open: asked = false }: { page: string; open?: boolean }) {
  const { open, show, close } = useAddressedDialog(asked ? true : null, page);
  return (
    <>
      <DialogOpener page={page} params={{ invite: "1" }} onOpen={() => show(true)}>
        Invite New User
      </DialogOpener>
      {open ? <InviteDialog page={page} onClose={close} /> : null}
    </>
  );
}

/**
 * Without JavaScript: one person per Send Invitation, posted as a plain form; the page comes back
 * with the dialog open, saying whom it was sent to, or the problem on its field with what was typed.
 */
function InviteOneForm({ page }: { page: string }) {
  const { state, errors, values, form } = useFormAction(inviteUsersAction);
  const result = state?.ok ? state.results[0] : undefined;
  const problem = result && !result.ok ? (result.reason === "invalid" ? null : fieldOf(result)) : null;
  const fieldErrors = { ...errors, ...(result && !result.ok && result.reason === "invalid" ? result.fieldErrors : {}), ...(problem ? { [problem.field]: problem.message } : {}) };
  const formError = state && !state.ok ? (state.reason === "forbidden" ? FORBIDDEN : UNEXPECTED_ERROR) : result && !result.ok && !problem && result.reason !== "invalid" ? INVITE_ROW_MESSAGES[result.reason] : null;
  const sent = result?.ok ? result.email : null;
  // After a send, the form starts clean for the next person; after a problem, with what was typed.
  const typed = sent ? {} : values;
  return (
    <form {...form}>
      {sent ? (
        <Alert tone="success">Invitation sent to {sent}. Invite another person below, or close.</Alert>
      ) : null}
      <ErrorSummary errors={fieldErrors} labels={LABELS} formError={formError} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField id="invite-email" name="email" label="Email" required type="email" autoComplete="off" defaultValue={typed.email ?? ""} error={fieldErrors.email} />
        <TextField id="invite-zip" name="zip" label="ZIP Code" required inputMode="numeric" hint={ZIP_HINT} defaultValue={typed.zip ?? ""} error={fieldErrors.zip} />
        <TextField id="invite-firstName" name="firstName" label="First Name" required defaultValue={typed.firstName ?? ""} error={fieldErrors.firstName} />
        <TextField id="invite-lastName" name="lastName" label="Last Name" required defaultValue={typed.lastName ?? ""} error={fieldErrors.lastName} />
      </div>
      <RolePermissionsFields register={plainFormFields} defaults={{ role: typed.role === "admin" ? "admin" : "user", permissions: [] }} role={typed.role === "admin" ? "admin" : "user"} idPrefix="invite" error={fieldErrors.permissions} />
      <div className="flex gap-3">
        <SubmitButton>Send Invitation</SubmitButton>
        <a href={page} className={buttonClass("secondary")}>
          Close
        </a>
      </div>
    </form>
  );
}

/** Where a row's failure belongs in the form when it comes back to be edited. */
function fieldOf(f: Failure): { field: keyof InviteRowInput; message: string } | null {
  if (f.reason === "wrong_zip") return { field: "zip", message: INVITE_ROW_MESSAGES.wrong_zip };
  if (f.reason === "already_member" || f.reason === "duplicate_pending") return { field: "email", message: INVITE_ROW_MESSAGES[f.reason] };
  return null;
}

function InviteDialog({ page, onClose }: { page: string; onClose: () => void }) {
  const hydrated = useHydrated();
  if (!hydrated) {
    return (
      <Dialog title="Invite New User" onClose={onClose} closeHref={page} wide>
        <InviteOneForm page={page} />
      </Dialog>
    );
  }
  return <InviteListDialog onClose={onClose} />;
}

function InviteListDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const announce = useAnnounce();
  const [queue, setQueue] = useState<Queued[]>([]);
  const [results, setResults] = useState<InviteRowResult[] | null>(null);
  /** "Added … to the list.", said politely while focus goes back to Email for the next person. */
  const [added, setAdded] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const resultsRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState, reset, watch, setError } = useForm<InviteRowInput, unknown, InviteRow>({
    resolver: zodResolver(inviteRowSchema),
    defaultValues: EMPTY,
  });
  const role = watch("role");
  const errors = messagesOf(formState.errors);

  useEffect(() => {
    if (results) resultsRef.current?.focus();
  }, [results]);
  // By id, not react-hook-form's setFocus: reset() drops the field refs until the next render.
  const focusEmail = () => document.getElementById("invite-email")?.focus();

  // Add to List: the same checks Send Invitation makes (this provider's ZIPs, its users, its pending
  // invitations), asked of the server now, so a problem is said on its field while it can be fixed.
  const add = handleSubmit(async (row) => {
    setFormError(null);
    setAdded(null);
    if (queue.some((q) => q.row.email === row.email)) return setError("email", { type: "duplicate", message: "This person is already in the list" });
    if (queue.length >= MAX_INVITES_PER_SEND) return setError("email", { type: "max", message: `Send at most ${MAX_INVITES_PER_SEND} invitations at once` });
    const r = await callAction(() => checkInviteRowAction(row));
    if ("unexpected" in r) return setFormError(UNEXPECTED_ERROR);
    if (!r.ok) return r.reason === "invalid" ? applyServerErrors(setError, r.fieldErrors) : setFormError(FORBIDDEN);
    const checked: InviteRow = { ...r.row, permissions: r.row.role === "admin" ? [] : r.row.permissions };
    setQueue((q) => [...q, { row: checked }]);
    setResults(null);
    // The next person starts from nothing: no one else's role or permissions carried over.
    reset(EMPTY);
    setAdded(`Added ${checked.firstName} ${checked.lastName} (${checked.email}) to the list, as ${grantSummary(checked.role, checked.permissions)}.`);
    focusEmail();
  });

  // Edit: the person goes back into the form (out of the list), with the reason they were not sent on its field.
  const edit = (q: Queued) => {
    setQueue((all) => all.filter((x) => x.row.email !== q.row.email));
    setAdded(null);
    setFormError(null);
    reset({ ...q.row, permissions: [...q.row.permissions] });
    const problem = q.failure ? fieldOf(q.failure) : null;
    if (problem) setError(problem.field, { type: "server", message: problem.message });
    else focusEmail();
  };

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setSendError(null);
    setAdded(null);
    if (!queue.length) return setSendError("Add at least one person to the list first.");
    setSending(true);
    const r = await callAction(() => inviteUsersAction({ rows: queue.map((q) => q.row) }));
    setSending(false);
    if ("unexpected" in r) return setSendError(UNEXPECTED_ERROR);
    if (!r.ok) return setSendError(r.reason === "forbidden" ? FORBIDDEN : "Check the list and try again.");
    router.refresh();
    const sent = r.results.filter((x) => x.ok).map((x) => x.email);
    const failed = new Map(r.results.filter((x): x is Failure => !x.ok).map((x) => [x.email, x]));
    if (!failed.size) {
      onClose();
      announce(sent.length === 1 ? `Invitation sent to ${sent[0]}.` : `Invitations sent to ${sent.length} people: ${sent.join(", ")}.`);
      return;
    }
    // The ones that failed stay in the list, each with its reason, to be edited and sent again.
    setQueue((q) => q.filter((x) => failed.has(x.row.email)).map((x) => ({ row: x.row, failure: failed.get(x.row.email) })));
    setResults(r.results);
  };

  return (
    <Dialog title="Invite New User" onClose={onClose} wide>
      <form onSubmit={add} noValidate>
        <ErrorSummary errors={errors} labels={LABELS} formError={formError} submitCount={formState.submitCount} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField id="invite-email" label="Email" required type="email" autoComplete="off" error={errors.email} {...register("email")} />
          <TextField id="invite-zip" label="ZIP Code" required inputMode="numeric" hint={ZIP_HINT} error={errors.zip} {...register("zip")} />
          <TextField id="invite-firstName" label="First Name" required error={errors.firstName} {...register("firstName")} />
          <TextField id="invite-lastName" label="Last Name" required error={errors.lastName} {...register("lastName")} />
        </div>
        <RolePermissionsFields register={register} role={role ?? "user"} idPrefix="invite" error={errors.permissions} />
        <SubmitButton variant="secondary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Checking…" : "Add to List"}
        </SubmitButton>
        <p role="status" className="mt-2 text-sm text-green-900">
          {added}
        </p>
      </form>

      <form onSubmit={send} noValidate className="mt-6 border-t border-slate-200 pt-4">
        <h3 className="mb-2 font-semibold text-brand-800">People to invite ({queue.length})</h3>
        {sendError ? <Alert tone="error">{sendError}</Alert> : null}
        {results ? (
          <div ref={resultsRef} tabIndex={-1} role="status" className="mb-4 rounded-md border border-slate-200 p-3 focus:outline-none focus:ring-2 focus:ring-brand-700">
            <h4 className="mb-1 font-semibold text-brand-800">Results</h4>
            <ul className="space-y-1 text-sm" aria-label="Invitation results">
              {results.map((r, i) => (
                <li key={`${r.email}-${i}`} className={r.ok ? "text-green-900" : "text-red-800"}>
                  {r.ok ? `Invitation sent to ${r.email}.` : `Not sent to ${r.email || "(no email)"}: ${INVITE_ROW_MESSAGES[r.reason]}`}
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm text-slate-700">Choose Edit beside a person below to fix their details, then Add to List and Send Invitation again.</p>
          </div>
        ) : null}
        {queue.length ? (
          <ul className="mb-4 divide-y divide-slate-200 rounded border border-slate-200" aria-label="People to invite">
            {queue.map((q) => (
              <li key={q.row.email} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 px-3 py-2 text-sm">
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  <strong>
                    {q.row.firstName} {q.row.lastName}
                  </strong>{" "}
                  &lt;{q.row.email}&gt;, ZIP {q.row.zip}, {grantSummary(q.row.role, q.row.permissions)}
                  {q.failure ? <span className="block font-medium text-red-800">Not sent: {INVITE_ROW_MESSAGES[q.failure.reason]}</span> : null}
                </span>
                <span className="flex gap-3">
                  <Button variant="link" aria-label={`Edit ${q.row.email}`} onClick={() => edit(q)}>
                    Edit
                  </Button>
                  <Button variant="link" aria-label={`Remove ${q.row.email} from the list`} onClick={() => setQueue((all) => all.filter((x) => x.row.email !== q.row.email))}>
                    Remove
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-sm text-slate-700">Nobody yet. Fill in the details above and choose Add to List.</p>
        )}
        <div className="flex gap-3">
          {/* Not while a person is still being checked for the list: they would be left out of the send. */}
          <SubmitButton disabled={sending || formState.isSubmitting}>{sending ? "Sending…" : "Send Invitation"}</SubmitButton>
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
