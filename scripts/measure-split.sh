#!/usr/bin/env bash
# Measures `selfreview split --check` on a real commit: a scratch worktree of REPO at the commit's
# parent, the commit's content staged on it (read-tree: the index only, HEAD stays on the parent;
# split reads the index and never the working tree, so none is checked out), then the plan with
# a type-check of every intermediate state.
# Usage: scripts/measure-split.sh /path/to/clone <commit> [out.json]
set -euo pipefail
repo=$1; commit=$2; out=${3:-/dev/stdout}
cli="$(cd "$(dirname "$0")/.." && pwd)/bin/selfreview.js"
scratch=$(mktemp -d /tmp/split-measure-XXXXXX)
cleanup() { git -C "$repo" worktree remove --force "$scratch/wt" >/dev/null 2>&1 || true; rm -rf "$scratch"; }
trap cleanup EXIT
git -C "$repo" worktree add -q --no-checkout --detach "$scratch/wt" "$commit^"
cd "$scratch/wt"
git read-tree "$commit"
start=$(date +%s%N)
SELFREVIEW_AI=0 node "$cli" split --json --check > "$scratch/plan.json"
end=$(date +%s%N)
node -e '
const plan = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
plan.seconds = Math.round((Number(process.argv[2]) / 1e9) * 10) / 10;
process.stdout.write(JSON.stringify(plan));
' "$scratch/plan.json" "$((end - start))" > "$out"
