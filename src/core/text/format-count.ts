// A count as `toLocaleString('en-US')` writes it (12,345), without its price: the first call of
// a run builds ICU's number format, ~14 ms of a warm review on a 2-core machine (docs/speed.md),
// to print a progress line.

/** A count (a whole number, 0 or more) with its thousands grouped by commas. */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
