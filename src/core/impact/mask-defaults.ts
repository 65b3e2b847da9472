// A parameter's default value is what the quiz asks ("what does `locale` default to?"), so the
// shapes the report, the questions and --json print say that a parameter has a default, not
// which: `formatPrice(cents: number, currency: string, locale = …)`. Enum members and other
// `=` outside a parameter list are kept.

/** A string of up to 40 characters, or a number. */
export const LITERAL = String.raw`'[^'\n\\]{0,40}'|"[^"\n\\]{0,40}"|-?\b\d+(?:\.\d+)?\b`;
const DEFAULT_VALUE = new RegExp(String.raw`(=\s*)(?:${LITERAL})(?=\s*[,)}])`, 'g');

export function maskDefaults(shape: string): string {
  return shape.replace(DEFAULT_VALUE, (whole: string, eq: string, at: number) => {
    const before = shape.slice(0, at);
    const depth = (before.match(/\(/g) ?? []).length - (before.match(/\)/g) ?? []).length;
    return depth > 0 ? `${eq}…` : whole;
  });
}
