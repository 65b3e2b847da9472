// Words that carry no information about a particular change. An answer made only of these
// ("This change updates the code to improve things", "ensures robustness and maintainability")
// would fit any commit; the validator counts what is left once they are set aside.

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Function words: grammar, not content. */
export const STOP_WORDS = words(`
  a an the and or but nor so yet to of in on at by for from with without into onto over under
  about as than then that this these those it its it's is are was were be been being am do does
  did done has have had having will would shall should can could may might must i we you he she
  they me us them my our your their his her not no yes if else when while where which who whom
  whose what why how there here also just only very too all any each every some more most less
  least fewer other
  such same own both few much many one two now up down out off again further once also even
  because since though although whether either neither let lets there's that's don't doesn't
  isn't aren't wasn't weren't can't won't i'm we're it'll via per etc e.g i.e eg ie
`);

/** Improvement and process vocabulary: true of every change, so it says nothing of this one. */
export const GENERIC_WORDS = words(`
  change changes changed changing update updated updates updating fix fixes fixed fixing improve
  improvement improved improves improving enhance enhancement enhanced make made makes making
  code codebase codes thing things stuff something anything everything various misc miscellaneous
  minor small little tiny some several general overall better best good great nice clean
  cleanup cleanups refactor refactoring refactored refactors tweak tweaks rework reworked modify
  modified modification modifications adjust adjusted adjustment adjustments implement implemented
  implementation implementations implements functionality functionalities feature features
  function logic requested request requests required requirement requirements need needed needs
  necessary ensure ensuring ensures robust robustness maintainable maintainability readable
  readability scalable scalability reliable reliability stable stability quality efficient
  efficiency effective performance performant optimize optimized optimization optimal
  consistent consistency correct correctly correctness proper properly appropriate
  appropriately relevant existing new old current latest version versions bump bumped
  dependency dependencies deps upgrade upgraded bug bugs issue issues problem problems error
  errors handle handles handled handling case cases edge scenario scenarios behavior behaviour
  expected intended desired work works working worked functional function functions file files
  folder module modules component components part parts piece pieces project system application
  app solution approach way ways method methods logic process workflow flow streamline
  streamlined seamless seamlessly comprehensive integration integrate experience user users
  overall aim aims goal intention purpose introduce introduces introduced provide provides
  providing support supports supported add added adds adding remove removed removes removing
  delete deleted create created use used using help helps helped allow allows simple simpler
  easier easy future going forward maintain maintaining modular testable practice practices
  standard standards clarity clear cleaner structure structured organization organize
  test tests tested testing check checked checks checking verify verified verification
  run ran running pass passes passed passing green ci locally manually manual thoroughly works
  review reviewed reviews comment comments feedback address addressed addressing nit nits point
  points suggestion suggestions lgtm ok okay fine good done complete completed finish finished
  wip temp tmp draft initial commit commits pr prs pull merge merged merging branch main master
  release prepare prepared typo typos lint linting format formatting formatted style styling
  readme docs doc documentation translate translated translation chore misc
  compatible compatibility backwards backward break breaks breaking affect affected affects
  impact impacted caller callers dependent dependents keep keeps kept continue continues
  explain explanation explained details detail detailed describe described description
  later ticket tickets jira discussed discussion linked link slack thread meeting team
  above below see refer reference attached
  foo bar baz qux blah xxx yyy zzz abc asdf qwerty lorem ipsum test123
  problem solve solves solved solution well really actually basically simply just now
  behave situation situations circumstance aspect aspects accordingly certain particular given
  respective respectively multiple additional additionally furthermore moreover nicely cleanly
  gracefully graceful smooth smoothly significantly slightly potential potentially possible
  possibly repository repo area areas place places leverage leverages utilize utilizes
  facilitate facilitates holistic cohesive intuitive elegant elegantly paradigm synergy align
  aligns alignment adhere adherence convention conventions guideline guidelines principle
  principles architecture architectural design pattern patterns foundation groundwork enable
  enables enabling empower deliver delivers value valuable key crucial important vital essential
  significant resilient resilience extensible extensibility flexibility flexible usability
  responsiveness overall thorough requested intended goals objective objectives tasks task
`);

/** Words that name a defect, a mess or a part of the plumbing without telling which, as "bug", "issue"
 * and "problem" do ("the warehouse picker weirdness", "the worker client plumbing", "a navigation glitch"):
 * a word of the author's own, not of the change, that says no more than they do. Singular (a plural's
 * "s" is dropped before the look-up). */
export const VAGUE_DEFECT_WORDS = words(`
  glitch glitche glitchy gremlin hiccup quirk quirky quirkine weirdness weird wonkiness wonky oddity oddities
  oddness odd flakiness flaky jank janky snag kink wrinkle hitch gotcha annoyance nuisance mishap slip slipup
  blip bloat bloated cruft crufty mess messy messine clutter cluttered junk gunk leftover plumbing housekeeping
  cosmetic cosmetics polish niggle nitpick roughness hack hacky kludge kludgy wart smell smelly breakage
  inconsistency inconsistencies inaccuracy inaccuracies discrepancy discrepancies shortcoming flaw
  imperfection defect defects malfunction misbehavior misbehaviour hiccough
`);

/** Chinese and Japanese counterparts, removed from CJK text before counting its characters. */
export const CJK_GENERIC = [
  '修复',
  '修改',
  '更新',
  '优化',
  '代码',
  '问题',
  '提交',
  '完善',
  '调整',
  '功能',
  '一些',
  '部分',
  '相关',
  '若干',
  '增加',
  '添加',
  '新增',
  '删除',
  '测试',
  '文档',
  '注释',
  '改动',
  '变更',
  '临时',
  '重构',
  '升级',
  '同步',
  '合并',
  '版本',
  '发布',
  '评审',
  '审查',
  '用例',
  '单测',
  '方法',
  '实现',
  '支持',
  '处理',
  '逻辑',
  '细节',
  '一下',
  '进行',
  '完成',
  '错误',
  '提升',
  '性能',
  '体验',
  '用户',
  '确保',
  '旨在',
  '系统',
  '能力',
  '必要',
  '没用',
  '无用',
  '内容',
  '小',
  '的',
  '了',
  '和',
  '与',
  '及',
  '等',
  '在',
  '是',
  '将',
  '对',
  '已',
  '修正',
  '変更',
  '追加',
  '削除',
  '対応',
  '微修正',
  '調整',
  '色々',
  'いろいろ',
  'コード',
  '改善',
  'リファクタリング',
  'リファクタ',
  '一部',
  'テスト',
  'ドキュメント',
  'バグ',
  '翻訳',
  'レビュー',
  '指摘',
  '反映',
  'しました',
  'します',
  'する',
  'した',
  'ました',
  'です',
  'ます',
  'こと',
  'を',
  'の',
  'に',
  'は',
  'が',
  'で',
  'と',
  'も',
  'て',
  'た',
  'な',
];
