#!/bin/bash
# scripts/oracle-pick.sh NAME N [PATH [STEP]] — N commits of $ORACLE_REPOS/NAME for scripts/oracle-impact.mjs:
# every 7th of the last 700 non-merge commits that changes 1-4 non-test code files, at most 150
# lines of them, at most 12 files in all (newest first). With PATH, only commits touching PATH
# (the core folder, for transitive depth), every STEP-th (default 7).
repo="${ORACLE_REPOS:-/work/blast-real}/$1"
[ -d "$repo/.git" ] && repo="$repo/.git" # a clone as well as a bare repository
n=$2
i=0
c=0
git --git-dir="$repo" log --no-merges -n 700 --format=%H ${3:+-- "$3"} | while read -r h; do
  files=$(git --git-dir="$repo" diff --numstat "$h^" "$h" 2>/dev/null | awk '$3 ~ /\.(ts|tsx|js|mjs|cjs|mts)$/ && $3 !~ /(test|spec|__tests__|\.d\.ts|e2e|examples?\/|docs?\/|bench)/ {print $1+$2}')
  k=$(echo "$files" | grep -c .)
  lines=$(echo "$files" | awk '{s+=$1} END {print s+0}')
  all=$(git --git-dir="$repo" diff --numstat "$h^" "$h" | wc -l)
  if [ "$k" -ge 1 ] && [ "$k" -le 4 ] && [ "$lines" -le 150 ] && [ "$all" -le 12 ]; then
    i=$((i + 1))
    if [ $((i % ${4:-7})) -eq $((1 % ${4:-7})) ]; then
      echo "$1 ${h:0:10} $(git --git-dir="$repo" log -1 --format=%s "$h" | cut -c1-60)"
      c=$((c + 1))
      [ "$c" -ge "$n" ] && break
    fi
  fi
done
