// The members of an interface, a class or an object type whose shape changed, by name, read from
// the two shapes' text (`export interface TSInternal { a(): T; nodeModuleNameResolver(…): R }`):
// ts-node 2ee80a87 changed the parameters of `TSInternal.nodeModuleNameResolver`, which one of
// the type's six users calls. The risk weighs such a change by the files that name the member
// (assess-risk.ts); a change to the type's head, an index or call signature, a member added that
// its producers must now supply, or a part of a merged declaration other than the first is no
// change of named members: null, and the type's users all count.

const OPEN = '{([';
const CLOSE = '})]';
const MODIFIER = /^(?:(?:readonly|public|private|protected|static|abstract|declare|override|async|accessor|get|set)\s+)*/;
const NAME = /^(?:#?[$_\p{ID_Start}][$\p{ID_Continue}]*|'[^']*'|"[^"]*")/u;

/** `head { m1; m2 }` cut into the head and its members' texts, at the first `{`'s depth; null when
 * the shape is not one object body closing at its end. */
function splitBody(shape: string): { head: string; members: string[] } | null {
  const text = shape.trim();
  const open = text.indexOf('{');
  if (open < 0 || !text.endsWith('}')) return null;
  const members: string[] = [];
  let depth = 0;
  let from = open + 1;
  for (let at = open; at < text.length; at++) {
    const c = text[at]!;
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) {
      depth--;
      // The body closes before the end: the shape is more than one body (`{…} & Other`).
      if (depth === 0 && at !== text.length - 1) return null;
    } else if (depth === 1 && (c === ';' || c === ',')) {
      members.push(text.slice(from, at));
      from = at + 1;
    }
  }
  members.push(text.slice(from, text.length - 1));
  return { head: text.slice(0, open).trim(), members: members.map((m) => m.trim()).filter((m) => m !== '') };
}

/** A member's name and whether a producer may leave it out; null for an index, call or construct signature. */
function nameOf(member: string): { name: string; isOptional: boolean } | null {
  const rest = member.replace(MODIFIER, '');
  const name = NAME.exec(rest)?.[0];
  if (name === undefined || name === 'new') return null;
  const after = rest.slice(name.length).trimStart();
  return { name: name.replace(/^['"]|['"]$/g, ''), isOptional: after.startsWith('?') };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').replace(/\s*([,;:(){}<>[\]=|&?])\s*/g, '$1');

/** The names of the members the change altered or removed (an optional member added, or any
 * member added to a class, whose instances only its own code makes, breaks nobody and is not
 * named); null when the change is not only to named members. */
export function listChangedShapeMembers(before: string, after: string, isClass = false): readonly string[] | null {
  const [oldParts, newParts] = [before.split('\n'), after.split('\n')];
  // A merged declaration (`interface TSInternal` beside `namespace TSInternal`): only its first part is read.
  if (oldParts.length !== newParts.length || oldParts.slice(1).join('\n') !== newParts.slice(1).join('\n')) return null;
  const [was, is] = [splitBody(oldParts[0]!), splitBody(newParts[0]!)];
  if (was === null || is === null || squash(was.head) !== squash(is.head)) return null;
  const read = (members: readonly string[]) => {
    const named = new Map<string, { text: string; isOptional: boolean }>();
    for (const member of members) {
      const found = nameOf(member);
      if (found === null) return null;
      // Overloads of one method are one member.
      const known = named.get(found.name);
      named.set(found.name, { text: `${known?.text ?? ''}${squash(member)};`, isOptional: found.isOptional });
    }
    return named;
  };
  const [old, now] = [read(was.members), read(is.members)];
  if (old === null || now === null) return null;
  const changed: string[] = [];
  for (const [name, member] of old) if (now.get(name)?.text !== member.text) changed.push(name);
  for (const [name, member] of now) {
    if (old.has(name)) continue;
    // A required member added is one every producer of the type must now supply, named or not.
    if (!member.isOptional && !isClass) return null;
  }
  return changed.length === 0 ? null : changed;
}
