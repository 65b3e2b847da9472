/** "a, b and c"; past `max`, the first `max - 1` and how many more ("a, b and 2 more"): never
 * "and 1 more", which takes the room of the name it hides. */
export function listNames(names: readonly string[], max: number): string {
  if (names.length <= 1) return names.join('');
  if (names.length > max) return `${names.slice(0, max - 1).join(', ')} and ${names.length - max + 1} more`;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}
