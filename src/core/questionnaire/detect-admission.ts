// An admission that the author does not know what the change does is "I am not sure", however
// it is phrased: "no idea", "the AI wrote it", "it looked fine so I accepted it", "TODO: explain
// later", "I am an AI language model". It stops the commit with the same advice (never passes
// as an answer). English, Spanish, French, German, Portuguese, Italian, Russian, Chinese and
// Japanese; the patterns were written from the issue's examples and their translations, before
// the answer corpora were run (tests/fixtures/answers/README.md).

/** The English patterns of not knowing: the ones a long explanation may hold as an aside (isAside). */
const NOT_KNOWING: readonly RegExp[] = [
  /\b(no|not (any|the slightest)) (idea|clue)\b/i,
  // "I don't really know, the generator produced these fields" (amplication, answers written
  // elsewhere): a pause after "know" ends the thought as its end does.
  /\b(i|we) (?:do ?n[o']?t|did ?n[o']?t|really don'?t) (?:really |fully |quite |actually |honestly )?(?:know|understand)(?:\s*[.!]?\s*$|\s*[,;:]|\s+(?:what|why|how|if|whether|it|this|that|the (?:change|code|diff))\b)/i,
  /\b(i'?m|i am|we'?re|we are) (not|never) (really |entirely |totally |quite )?(sure|certain)\b/i,
  /\bnot sure (what|why|how|if|whether)\b/i,
  /\b(dunno|idk|no clue)\b/i,
];

const ADMISSIONS: readonly RegExp[] = [
  ...NOT_KNOWING,
  // The AI did it.
  /\b(the |an |my )?(ai|llm|chatgpt|gpt(-?\d)?|copilot|claude|gemini)\b.{0,30}\b(wrote|suggested|generated|made|did|produced|proposed|told me|said)\b/i,
  /\b(as an ai|i am an ai|i'm an ai|ai language model|as a language model|i am a large language model)\b/i,
  /\b(generated|written|suggested|produced) by (the )?(ai|llm|chatgpt|gpt|copilot|claude|cursor|gemini|an? (ai|assistant|model|agent))\b/i,
  // Accepted without reading.
  /\b(looked|looks|seemed|seems) (fine|ok|okay|good|right|alright)( to me)?\b.{0,40}\b(accepted|merged|committed|took|kept|so i)\b/i,
  /\b(accepted|committed|merged|took) it( as is)?\b.{0,30}\b(looked|looks|seemed|seems) (fine|ok|okay|good|right)\b/i,
  /\b(i|we) (did ?n[o']?t|haven'?t|have not) (really |actually )?(read|check|look at|review|test)(ed)? (it|this|the (change|code|diff))\b/i,
  // Promised for later.
  /\b(todo|tbd|fixme)\b.{0,50}\b(later|explain|explanation|describe|description|write|fill)\b/i,
  /\b(will|to|i'?ll) (be )?(explain|describe)(ed)?\b.{0,40}\blater\b/i,
  // Written or added later is a promise of the explanation only when it says so ("will add a
  // description later", "I'll write it up later"); "the new styles for the outline will be added
  // later" tells what the change leaves for another (pdf.js 2367196a00).
  /\b(explanation|description|details?|reasons?|reasoning|rationale|summary|context|write-?up|answers?)\b.{0,40}\b(will|to) be (written|added|filled|documented)\b.{0,20}\blater\b/i,
  /\b(will|to|i'?ll) (write|add|fill|document)\b.{0,20}\b(explanation|description|details?|reasons?|reasoning|rationale|summary|context|answers?|why|(it|this|that) (in|up))\b.{0,30}\blater\b/i,
  // Spanish, Portuguese, Italian, French, German.
  /\b(ni idea|no (lo )?s[eé] (qu[eé]|por qu[eé]|c[oó]mo)|no tengo (ni )?idea|la ia (lo )?(escribi[oó]|sugiri[oó]|gener[oó]|hizo))/i,
  /\b(n[aã]o (sei|fa[cç]o ideia|tenho ideia)|a ia (escreveu|sugeriu|gerou))/i,
  /\b(non (lo )?so|non ne ho idea|l'ia (ha )?(scritto|suggerito|generato))/i,
  /\b(aucune idée|je ne sais pas|j'sais pas|l'ia (l'a )?(écrit|suggéré|généré))/i,
  /\b(keine ahnung|ich wei(ß|ss) (es )?nicht|die ki hat (es )?(geschrieben|vorgeschlagen|generiert))/i,
  /(понятия не имею|не знаю|ии (написал|предложил|сгенерировал))/i,
  /\b(soy|sou|je suis|ich bin|sono) (un |uma |une |ein |una )?(modelo de lenguaje|modelo de linguagem|modèle de langage|sprachmodell|modello linguistico|ia|ki)\b/i,
  // Chinese, Japanese.
  /(我(也)?不(太)?(知道|清楚|懂)|没看懂|AI ?(写|生成|建议)的|我是(一个)?(AI|人工智能|语言模型)|看起来没问题|以后再(写|补)|稍后补充|待补充)/i,
  /((わかり|分かり)ません|(わから|分から)ない(です|けど)?。?\s*$|AI ?が(書いた|生成した|提案した)|私は(AI|言語モデル)|(後|あと)で(書き|書く|説明))/i,
];

/** Not knowing why something fails is no admission of not knowing what the change does: "I have
 * no idea why it fails with v18, the error message is useless" explains a change that moves away
 * from the failure (jest a570638d63). "No idea why this works", "not sure why this fixes it" stay. */
const UNKNOWN_CAUSE =
  /\b(?:no (?:idea|clue)|not (?:\w+ )?sure|(?:do|did) ?n[o']?t (?:\w+ )?know) why (?:it|this|that) (?:fails|failed|breaks|broke|crashes|crashed|errors|errored)\b/gi;

/** A doubt whether the change is right or complete is a hedge, not an admission: "I'm not sure
 * whether I'm missing an edge case or not, but this solves my issue" (mocha 414d793d01), "not sure
 * if this is the best approach". The author knows what the change does and says so; the rest of
 * the answer is still held to the change. "Not sure what it does", "not sure why this works" stay. */
const DOUBT_OF_SOLUTION =
  /\bnot (?:\w+ )?sure (?:if|whether) (?:(?:it|this|that)(?:'s| is)(?: (?:really|actually|entirely|fully|100%))? (?:correct|right|complete|the (?:best|right|cleanest|ideal|proper|correct) (?:way|approach|fix|solution|place))|(?:i'?m|i am|we'?re|we are) missing (?:an? |some )?(?:edge cases?|cases?|something))\b/gi;

/** A doubt about what the reader wants, or why someone else chose as they did, is a question to the
 * reviewers, not an admission: "I'm not sure how you like it that way" (sequelize b826d239), "I'm
 * not sure why you didn't use `nextTick()` yet" (sequelize 3d8bce57). "Not sure what it does" stays. */
const DOUBT_OF_OTHERS =
  /\bnot (?:\w+ )?sure (?:how|why|what|whether|if) (?:you|they|the (?:maintainers|reviewers|team))\b(?! (?:wrote|generated|suggested|proposed|made))/gi;

/** A doubt about how the code used to work, or about what people will do some day, is no doubt
 * about what the change does: "I'm not really sure how it used to work but it was not taking into
 * account the dimensions of the scene" (excalidraw, explanations corpus), "I'm not sure if we'll
 * ever be able to remove the old getter" (pdf.js 661c60ecc9). "Not sure if it will work" stays. */
const DOUBT_OF_PAST_OR_PLANS =
  /\bnot (?:\w+ )?sure (?:(?:what|why|how|if|whether) [^.!?\n]{0,60}?\bused to\b|(?:if|whether) (?:we|they|you|anyone|someone|users|people)(?:'ll| will| would| could| can| might| should) (?:ever|be able|want|need|decide|keep|remove|drop|support)\b)/gi;

/** Words an answer needs for a doubt after its first sentence to be an aside: a pull request's
 * description ("… I honestly have no idea where this bug is actually occurring, but I do know it isn't
 * Lerna.", lerna 8c2843f00e) has told what the change does before it doubts something beside it. */
const MIN_ASIDE_WORDS = 40;
const FIRST_SENTENCE = /^[\s\S]*?(?:[.!?](?=\s)|\n\s*\n|$)/;

/** Whether a doubt of not knowing is an aside of a long answer: its first sentence says something
 * without doubting, and the doubt comes later. "The AI wrote it", "looked fine", "TODO later" are
 * admissions wherever they stand; the answer is still judged by every other rule. */
function isAside(text: string): boolean {
  if (text.trim().split(/\s+/).length < MIN_ASIDE_WORDS) return false;
  const first = FIRST_SENTENCE.exec(text.trim())?.[0] ?? '';
  const later = text.trim().slice(first.length);
  return (
    !ADMISSIONS.some((pattern) => pattern.test(first)) &&
    !ADMISSIONS.some((pattern) => !NOT_KNOWING.includes(pattern) && pattern.test(later))
  );
}

/** A doubt the same sentence settles is no doubt left: "I restricted it to binary operations as I
 * didn't know how it would affect boolean operations but it turns out the same technique solves
 * problems that people are reporting" (prettier 5523c4f56b) tells what the author found out since.
 * So is not knowing how a problem came about: "Not sure how the original churn occurred but things
 * seem better without this commit" (ava 1cbcb06453) is a cause unknown, as UNKNOWN_CAUSE's failures. */
const SETTLED_DOUBT =
  /\b(?:did ?n[o']?t|didn't) (?:\w+ )?know (?:how|whether|if|what) [^.!?\n]{0,60}?\bwould\b[^.!?\n]{0,60}?\bbut (?:it )?turn(?:s|ed) out\b/gi;
const UNKNOWN_ORIGIN =
  /\bnot (?:\w+\s+)?sure\s+(?:how|why|when)\s+(?:(?:the|this|that)\s+)?(?:\w+\s+){0,3}(?:occurred|occurs|happened|happens|started|crept in|came about|was introduced)\b/gi;

export function isAdmission(text: string): boolean {
  const rest = text
    .replace(SETTLED_DOUBT, ' ')
    .replace(UNKNOWN_ORIGIN, ' ')
    .replace(UNKNOWN_CAUSE, ' ')
    .replace(DOUBT_OF_SOLUTION, ' ')
    .replace(DOUBT_OF_OTHERS, ' ')
    .replace(DOUBT_OF_PAST_OR_PLANS, ' ');
  return ADMISSIONS.some((pattern) => pattern.test(rest)) && !isAside(rest);
}
