/** `1 file`, `2 files`; `many` for a plural that is not the word and an s. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
