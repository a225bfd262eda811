import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-400",
  secondary: "border border-slate-400 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400",
  link: "text-brand-700 underline hover:text-brand-900 px-0 py-0",
} as const;

export type ButtonVariant = keyof typeof variants;

export function buttonClass(variant: ButtonVariant = "primary", extra = "") {
  const base = variant === "link" ? "" : "inline-flex items-center justify-center rounded-md px-4 py-2 font-semibold shadow-sm";
  return `${base} ${variants[variant]} disabled:cursor-not-allowed ${extra}`.trim();
}

/** A button. ButtonLink (a link that looks like one) is in ./button-link, so forms that need no link stay free of next/link. */
export function Button({ variant = "primary", className = "", type = "button", ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...rest} />;
}
