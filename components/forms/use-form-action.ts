"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";

/** What a form reads from any action's answer: field errors, and the typed values it echoes back. */
type Answer = { fieldErrors?: Record<string, string>; values?: Record<string, string> };

/** A light check run in the browser before posting: field → message (or undefined) for each field it looked at. */
export type ClientCheck = (form: FormData) => Record<string, string | undefined>;

/**
 * A form posting to a server action, with or without JavaScript.
 *
 * Without JavaScript the browser posts the form (method="post", React renders the action's
 * hidden fields) and the server renders the page again with the action's answer as `state`.
 * With JavaScript the submit is taken over: the optional light `check` runs first, then the
 * same action runs in a transition, keeping what was typed (React would empty a form whose
 * `action` ran by itself). A thrown error (a bug or an outage) ends on the error page with its
 * reference, as every unexpected failure does.
 *
 *   const { state, pending, errors, values, form } = useFormAction(registerAction);
 *   <form {...form}> ... <SubmitButton pending={pending}>Register</SubmitButton></form>
 */
export function useFormAction<R>(action: (state: R | null, form: FormData) => Promise<R>, check?: ClientCheck) {
  const [state, formAction, pending] = useActionState<R | null, FormData>(action, null);
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  // After Reset the last answer's messages are hidden until the next submit.
  const [cleared, setCleared] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    const problems = Object.fromEntries(Object.entries(check?.(data) ?? {}).filter((e): e is [string, string] => !!e[1]));
    setCleared(false);
    if (Object.keys(problems).length > 0) return setChecked(problems);
    setChecked(null);
    startTransition(() => formAction(data));
  }

  const answer = (cleared ? null : state) as (R & Answer) | null;
  return {
    /** The action's last answer (null before the first, and after `clear`). */
    state: answer as R | null,
    pending,
    /** Field → message: the light check's, else the server's. */
    errors: (checked ?? answer?.fieldErrors ?? {}) as Record<string, string | undefined>,
    /** What the person typed, as the server echoed it (a page rendered after a post without JavaScript). */
    values: answer?.values ?? {},
    /** Forget the last answer and the check's messages (the form's Reset). */
    clear: () => {
      setChecked(null);
      setCleared(true);
    },
    /** Spread on the <form>. */
    form: { action: formAction, onSubmit, noValidate: true },
  };
}
