import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

/** Label + control + hint + error, wired with aria-describedby / aria-invalid / aria-required. */
interface FieldFrameProps {
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  className?: string;
}

/** The hint and error ids, plus any ids the caller adds (such as a password checklist). */
function describedBy(id: string, hint?: ReactNode, error?: string, extra?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean).join(" ") || undefined;
}

function Frame({ id, label, required, hint, error, className, children }: FieldFrameProps & { id: string; children: ReactNode }) {
  return (
    <div className={className ?? "mb-4"}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
        {required ? (
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const controlClass =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:border-red-700 [&[readonly]]:bg-slate-100";

/** The id and ARIA wiring every control gets from its frame. */
function controlProps(id: string, required: boolean | undefined, hint: ReactNode, error: string | undefined, extraDescribedBy: string | undefined) {
  return {
    id,
    "aria-required": required || undefined,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, hint, error, extraDescribedBy),
    className: controlClass,
  } as const;
}

type InputProps = FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, "className">;

export const TextField = forwardRef<HTMLInputElement, InputProps>(function TextField(
  { label, required, hint, error, className, id, "aria-describedby": extraDescribedBy, ...rest },
  ref,
) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <Frame id={fid} label={label} required={required} hint={hint} error={error} className={className}>
      <input
        ref={ref}
        {...controlProps(fid, required, hint, error, extraDescribedBy)}
        {...rest}
      />
    </Frame>
  );
});

type SelectProps = FieldFrameProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, "className"> & { children: ReactNode };

export const SelectField = forwardRef<HTMLSelectElement, SelectProps>(function SelectField(
  { label, required, hint, error, className, id, children, "aria-describedby": extraDescribedBy, ...rest },
  ref,
) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <Frame id={fid} label={label} required={required} hint={hint} error={error} className={className}>
      <select
        ref={ref}
        {...controlProps(fid, required, hint, error, extraDescribedBy)}
        {...rest}
      >
        {children}
      </select>
    </Frame>
  );
});

type TextAreaProps = FieldFrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "className">;

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextAreaField(
  { label, required, hint, error, className, id, "aria-describedby": extraDescribedBy, ...rest },
  ref,
) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <Frame id={fid} label={label} required={required} hint={hint} error={error} className={className}>
      <textarea
        ref={ref}
        {...controlProps(fid, required, hint, error, extraDescribedBy)}
        {...rest}
      />
    </Frame>
  );
});
