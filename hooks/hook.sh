#!/bin/sh
# selfreview's git hooks. The hook files that `selfreview init` writes call this script:
#   sh node_modules/selfreview/hooks/hook.sh <hook name> [git's arguments]
# Every cheap decision is taken here, in the shell, before node starts (a node start costs
# 50-100 ms; five per commit made SELFREVIEW=0 cost seconds): the skip switch, replays, an empty
# change, a review already recorded for the staged tree, and whether there is anything to add.
# Node starts only to review (pre-commit), and when a later hook changed the reviewed content.
# The state it reads is selfreview's own: <common git dir>/selfreview/reviews/<tree>.json (the
# pending records, written by the review) with <tree>.trailers beside each (the commit's exact
# trailer lines), and <git dir>/selfreview/reviewed (this worktree's "pre-commit accepted tree T
# during the commit run by git process P").

name=${1-}
[ $# -gt 0 ] && shift
# The folder of this script without a `dirname` process: the hook files call it by a path.
case $0 in */*) here=${0%/*} ;; *) here=. ;; esac
. "$here/agents.sh"

if [ "${SELFREVIEW-}" = 0 ]; then
  # An agent's SELFREVIEW=0 is no skip unless the config allows it (provenance.agentsMaySkip,
  # which node reads); the review runs and knows why (SELFREVIEW_AGENT_SKIP names the agent).
  if agent_env; then
    SELFREVIEW_AGENT_SKIP=$(agent_env_name)
    export SELFREVIEW_AGENT_SKIP
    unset SELFREVIEW
  else
    [ "$name" = pre-commit ] && echo 'selfreview: skipped (SELFREVIEW=0).' >&2
    exit 0
  fi
fi
# SELFREVIEW_HOOK tells node it runs in a hook (its messages name SELFREVIEW_ANSWERS, not --answers).
selfreview() { SELFREVIEW_HOOK=$name node "$here/../bin/selfreview.js" "$@"; }

nl='
'
dirs=$(git rev-parse --git-dir --git-common-dir) || exit 1
git_dir=${dirs%%"$nl"*}
reviews="${dirs#*"$nl"}/selfreview/reviews"
marker="$git_dir/selfreview/reviewed"
committing="$git_dir/selfreview/committing"

# The pid of the `git` process that runs this hook: one commit's hooks share it, so a mark left
# by a commit that failed later is never taken for the next one's (say `git commit --no-verify`).
git_pid() {
  p=$PPID
  for _ in 1 2 3 4 5 6 7 8; do
    if [ -r "/proc/$p/stat" ]; then
      read -r stat <"/proc/$p/stat" || return 1
      comm=${stat#*\(}
      comm=${comm%%\)*}
      set -- ${stat##*\) }
      parent=$2
    else
      set -- $(ps -o ppid= -o comm= -p "$p" 2>/dev/null) || return 1
      parent=${1-}
      comm=${2##*/}
    fi
    [ "$comm" = git ] && { echo "$p"; return 0; }
    [ -n "$parent" ] && [ "$parent" -gt 1 ] || return 1
    p=$parent
  done
  return 1
}

# The tree id of the index this commit records, computed on a copy: write-tree may rewrite the
# index's cache-tree, and git holds that file during the commit.
staged_tree() {
  copy="$git_dir/selfreview-index.$$"
  cp "${GIT_INDEX_FILE:-$git_dir/index}" "$copy" 2>/dev/null || return 1
  GIT_INDEX_FILE=$copy git write-tree 2>/dev/null
  status=$?
  rm -f "$copy"
  return $status
}

# The pending record of tree $1 looks whole and ours: its trailer file checks out (trailers.sh)
# and the record names that tree. Anything else (a damaged or planted file) is node's to judge:
# it parses the record and ignores, with a line on stderr, one that does not hold.
record_ok() {
  [ -f "$reviews/$1.json" ] && trailers_ok "$1" && grep -q "^  \"tree\": \"$1\",\$" "$reviews/$1.json" &&
    awk 'END { exit $0 != "}" }' "$reviews/$1.json"
}

# Whether the git process running this hook is `git commit --amend` (git accepts --am, --ame, …).
is_amend() {
  p=$(git_pid) || return 1
  ps -o args= -p "$p" 2>/dev/null | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^--am(e|en|end)?$/) found = 1 } END { exit !found }'
}

# `git commit --amend` that stages nothing new (-m, --no-edit, --reset-author): HEAD's review
# holds for the same tree. Its note becomes pending again, so the trailers are re-derived and
# post-commit puts the note on the new commit. Only a note of one record, of this very tree.
restore_amended_review() {
  t=$(staged_tree) || return 0
  [ -f "$reviews/$t.json" ] && return 0
  [ "$t" = "$(git rev-parse -q --verify 'HEAD^{tree}' 2>/dev/null)" ] || return 0
  note=$(git notes --ref=selfreview show HEAD 2>/dev/null) || return 0
  [ "$(printf '%s\n' "$note" | grep -c '^  "tree": ')" = 1 ] || return 0
  printf '%s\n' "$note" | grep -q "^  \"tree\": \"$t\",\$" || return 0
  mkdir -p "$reviews" || return 0
  # HEAD's own trailer lines, when they are this review's: the hook adds them without node.
  git log -1 --format=%B HEAD | awk '/^Self-Review: (tree|risk)=/ || /^Self-Review-(Intent|Override|Restaged):/' >"$reviews/$t.trailers"
  trailers_ok "$t" || rm -f "$reviews/$t.trailers"
  printf '%s\n' "$note" >"$reviews/$t.json"
}

# Any pending record at all? (The glob stays unexpanded when the folder is empty or missing.)
has_pending() {
  for f in "$reviews"/*.json; do
    [ -f "$f" ] && return 0
  done
  return 1
}

case $name in
pre-commit)
  rm -f "$marker"
  # Replays were reviewed when first made (the same rule as the review itself).
  if [ -d "$git_dir/rebase-merge" ] || [ -d "$git_dir/rebase-apply" ] || [ -f "$git_dir/CHERRY_PICK_HEAD" ] || [ -f "$git_dir/REVERT_HEAD" ]; then
    exit 0
  fi
  case ${GIT_REFLOG_ACTION-} in rebase* | cherry-pick*) exit 0 ;; esac
  # Conflicts left in the index: the review explains them; no tree to compare here.
  tree=$(staged_tree) || { selfreview; exit $?; }
  . "$here/trailers.sh"
  # A record of this tree made on another HEAD reviewed another change (a split's last part has
  # the tree of the whole change): node decides (a merge's base is its automatic merge, not HEAD),
  # as it does for a record that does not look whole and ours.
  if record_ok "$tree" && grep -qF "\"base\": \"$(git rev-parse -q --verify HEAD)\"" "$reviews/$tree.json"; then
    echo "selfreview: already reviewed (tree $(echo "$tree" | cut -c1-10)): the commit will carry it." >&2
  else
    # Nothing staged (an amend of the message, --allow-empty): nothing to review.
    if [ ! -f "$reviews/$tree.json" ] && [ ! -f "$git_dir/MERGE_HEAD" ] && [ "$tree" = "$(git rev-parse -q --verify 'HEAD^{tree}' 2>/dev/null)" ]; then
      exit 0
    fi
    selfreview || exit $?
    [ -f "$reviews/$tree.json" ] || exit 0
  fi
  mkdir -p "$git_dir/selfreview" && echo "$(git_pid) $tree" >"$marker"
  exit 0
  ;;
prepare-commit-msg)
  # Only this commit's prepare-commit-msg may leave the tree for its commit-msg (git process ids
  # are reused; --no-verify runs no commit-msg to take it).
  [ -f "$committing" ] && rm -f "$committing"
  if is_amend; then
    . "$here/trailers.sh"
    restore_amended_review
  fi
  has_pending || exit 0
  tree=$(staged_tree) || exit 0
  [ -f "$marker" ] || [ -f "$reviews/$tree.json" ] || exit 0
  pid=$(git_pid)
  if [ -f "$marker" ]; then
    read -r reviewer reviewed <"$marker"
    rm -f "$marker"
    # A hook after ours (a formatter, lint-staged) changed what is committed: the review moves to
    # the committed tree and records the difference.
    if [ "$reviewed" != "$tree" ] && [ -n "$pid" ] && [ "$reviewer" = "$pid" ] && [ -f "$reviews/$reviewed.json" ]; then
      selfreview hook restaged "$reviewed" "$tree" || exit 0
    fi
  fi
  [ -f "$reviews/$tree.json" ] || exit 0
  # git fixed the committed tree after pre-commit: commit-msg, in the same git process, reuses it.
  mkdir -p "$git_dir/selfreview"
  [ -n "$pid" ] && echo "$pid $tree" >"$committing"
  case ${2-} in
  template) cp "$1" "$git_dir/selfreview/template-message" ;;
  # An editor shows them; commit-msg adds them only when they are not there.
  message | merge | squash)
    . "$here/trailers.sh"
    # `-m ""`: git aborts an empty message after commit-msg; trailers alone must not fill it.
    if [ "${2-}" = message ] && message_empty "$1"; then exit 0; fi
    if trailers_ok "$tree"; then add_trailers "$1" "$tree"; else selfreview hook prepare-commit-msg "$@"; fi
    ;;
  esac
  exit 0
  ;;
commit-msg)
  # pre-commit let an agent skip the review (the config allows it): the commit says so, for CI.
  if [ -n "${SELFREVIEW_AGENT_SKIP-}" ] && tree=$(staged_tree) && [ ! -f "$reviews/$tree.json" ]; then
    git interpret-trailers --in-place --if-exists addIfDifferent --trailer "Self-Review-Skipped: SELFREVIEW=0 by an AI agent ($SELFREVIEW_AGENT_SKIP)" "$1"
    exit 0
  fi
  has_pending || exit 0
  tree=
  if [ -f "$committing" ]; then
    read -r pid saved <"$committing"
    rm -f "$committing"
    [ "$pid" = "$(git_pid)" ] && tree=$saved
  fi
  if [ -z "$tree" ]; then
    tree=$(staged_tree) || exit 0
  fi
  [ -f "$reviews/$tree.json" ] || exit 0
  # The message, the author or the environment may name an agent, and the review did not record
  # AI work (or only AI lines, from git-ai or Agent Trace records: a trailer makes every line AI):
  # decide the commit as CI will (src/review/gate-commit-message.ts); 1 refuses it.
  if { ! grep -qE ' (provenance=)?ai( |$)' "$reviews/$tree.trailers" 2>/dev/null || grep -q '"lines": *{' "$reviews/$tree.json"; } && may_be_agent "$1"; then
    selfreview hook gate "$tree" "$1"
    [ $? -eq 1 ] && exit 1
  fi
  template="$git_dir/selfreview/template-message"
  # Already there (prepare-commit-msg, no editor): nothing to do. The whole line: the gate may
  # have recorded the review again (ai, a new digest).
  first=$(head -n 1 "$reviews/$tree.trailers" 2>/dev/null) || first=
  case $first in
  "Self-Review: "*) [ ! -f "$template" ] && grep -qxF -- "$first" "$1" 2>/dev/null && exit 0 ;;
  esac
  . "$here/trailers.sh"
  trailers_ok "$tree" || { selfreview hook commit-msg "$@"; exit 0; }
  # An emptied message, or the template as git wrote it: git aborts the commit, as the person
  # meant, unless our trailers make the message look written. Git checks after commit-msg.
  if message_empty "$1" || { [ -f "$template" ] && [ "$(trimmed_text "$template")" = "$(trimmed_text "$1")" ]; }; then
    remove_ours "$1"
  else
    add_trailers "$1" "$tree"
  fi
  rm -f "$template"
  exit 0
  ;;
post-commit | post-merge)
  has_pending || exit 0
  tree=$(git rev-parse -q --verify 'HEAD^{tree}') || exit 0
  record="$reviews/$tree.json"
  [ -f "$record" ] || exit 0
  # The pending record is the note, byte for byte.
  if git notes --ref=selfreview add -f -F "$record" HEAD 2>/dev/null; then
    rm -f "$record" "$reviews/$tree.trailers"
  else
    echo "selfreview: could not store the review note on $(git rev-parse --short HEAD); it stays in $record" >&2
  fi
  exit 0
  ;;
*)
  echo "selfreview: unknown hook '$name'" >&2
  exit 0
  ;;
esac
