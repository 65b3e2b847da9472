#!/bin/sh
# selfreview's git hooks. The hook files that `selfreview init` writes call this script:
#   sh node_modules/selfreview/hooks/hook.sh <hook name> [git's arguments]
# Every cheap decision is taken here, in the shell, before node starts (a node start costs
# 50-100 ms; five per commit made SELFREVIEW=0 cost seconds): the skip switch, replays, an empty
# change, a review already recorded for the staged tree, and whether there is anything to add.
# Node starts only to review (pre-commit) and, at most once more, to write trailers.
# The state it reads is selfreview's own: <common git dir>/selfreview/reviews/<tree>.json (the
# pending records, written by the review) and <git dir>/selfreview/reviewed (this worktree's
# "pre-commit accepted tree T during the commit run by git process P").

name=${1-}
[ $# -gt 0 ] && shift
if [ "${SELFREVIEW-}" = 0 ]; then
  [ "$name" = pre-commit ] && echo 'selfreview: skipped (SELFREVIEW=0).' >&2
  exit 0
fi

here=$(dirname -- "$0")
# SELFREVIEW_HOOK tells node it runs in a hook (its messages name SELFREVIEW_ANSWERS, not --answers).
selfreview() { SELFREVIEW_HOOK=$name node "$here/../bin/selfreview.js" "$@"; }

nl='
'
dirs=$(git rev-parse --git-dir --git-common-dir) || exit 1
git_dir=${dirs%%"$nl"*}
reviews="${dirs#*"$nl"}/selfreview/reviews"
marker="$git_dir/selfreview/reviewed"

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
  if [ ! -f "$reviews/$tree.json" ]; then
    # Nothing staged (an amend of the message, --allow-empty): nothing to review.
    if [ ! -f "$git_dir/MERGE_HEAD" ] && [ "$tree" = "$(git rev-parse -q --verify 'HEAD^{tree}' 2>/dev/null)" ]; then
      exit 0
    fi
    selfreview || exit $?
    [ -f "$reviews/$tree.json" ] || exit 0
  else
    echo "selfreview: already reviewed (tree $(echo "$tree" | cut -c1-10)): the commit will carry it." >&2
  fi
  mkdir -p "$git_dir/selfreview" && echo "$(git_pid) $tree" >"$marker"
  exit 0
  ;;
prepare-commit-msg)
  has_pending || exit 0
  tree=$(staged_tree) || exit 0
  if [ -f "$marker" ]; then
    read -r pid reviewed <"$marker"
    rm -f "$marker"
    # A hook after ours (a formatter, lint-staged) changed what is committed: the review moves to
    # the committed tree and records the difference.
    if [ "$reviewed" != "$tree" ] && [ -n "$pid" ] && [ "$pid" = "$(git_pid)" ] && [ -f "$reviews/$reviewed.json" ]; then
      selfreview hook restaged "$reviewed" "$tree" || exit 0
    fi
  fi
  [ -f "$reviews/$tree.json" ] || exit 0
  case ${2-} in
  template) mkdir -p "$git_dir/selfreview" && cp "$1" "$git_dir/selfreview/template-message" ;;
  # An editor shows them; commit-msg adds them only when they are not there.
  message | merge | squash) selfreview hook prepare-commit-msg "$@" ;;
  esac
  exit 0
  ;;
commit-msg)
  has_pending || exit 0
  tree=$(staged_tree) || exit 0
  [ -f "$reviews/$tree.json" ] || exit 0
  # Already there (prepare-commit-msg, no editor): nothing to do, no node.
  if grep -q "^Self-Review: tree=$tree " "$1" 2>/dev/null && [ ! -f "$git_dir/selfreview/template-message" ]; then
    exit 0
  fi
  selfreview hook commit-msg "$@"
  exit 0
  ;;
post-commit | post-merge)
  has_pending || exit 0
  tree=$(git rev-parse -q --verify 'HEAD^{tree}') || exit 0
  record="$reviews/$tree.json"
  [ -f "$record" ] || exit 0
  # The pending record is the note, byte for byte.
  if git notes --ref=selfreview add -f -F "$record" HEAD 2>/dev/null; then
    rm -f "$record"
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
