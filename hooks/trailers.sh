# The review's trailers on the commit message, without node: hook.sh sources this in
# prepare-commit-msg and commit-msg. The review wrote the exact lines beside its record
# (<tree>.trailers, see src/core/record/list-review-trailers.ts); these functions only check them,
# take out trailers of an earlier review of the message (an amend), and hand them to
# `git interpret-trailers`, which places them after the message and before git's comment lines.
# They mirror src/core/record/trailers.ts (stripReviewTrailers, isMessageEmpty), which the node
# path still uses for records written before the .trailers file existed.

# The trailer file of tree $1 is ours and whole: its first line is a review line, the others are
# our keys. Anything else (a damaged file) goes to the node path.
trailers_ok() {
  file="$reviews/$1.trailers"
  [ -f "$file" ] || return 1
  count=0
  while IFS= read -r line; do
    count=$((count + 1))
    case $count:$line in
    "1:Self-Review: "*) ;;
    1:*) return 1 ;;
    [2-4]:Self-Review-Intent:* | [2-4]:Self-Review-Override:* | [2-4]:Self-Review-Restaged:*) ;;
    *) return 1 ;;
    esac
  done <"$file"
  [ "$count" -gt 0 ]
}

# The message in $1 without the trailers selfreview writes: the keys spelt exactly as it writes
# them, and Self-Review only with its risk= (or older tree=) value. A line the person wrote ("self-review: I ran
# the tests", an indented quote of a squashed commit) is theirs and stays. With a final newline:
# without one (MERGE_MSG has none) interpret-trailers would glue them under the subject.
strip_ours() {
  awk '!/^Self-Review:[ \t]*(tree|risk)=/ && !/^Self-Review-(Intent|Override|Restaged):/' "$1"
}

# Takes our trailers out of the message file $1, in place (the same file: git reads it by path).
remove_ours() {
  strip_ours "$1" >"$1.selfreview" && cat "$1.selfreview" >"$1"
  rm -f "$1.selfreview"
}

# Adds the trailers of tree $2 to the message file $1, replacing those of an earlier review.
add_trailers() {
  msg=$1
  file="$reviews/$2.trailers"
  remove_ours "$msg"
  set --
  while IFS= read -r line; do
    set -- "$@" --trailer "$line"
  done <"$file"
  git interpret-trailers --in-place --if-exists add --if-missing add "$@" "$msg"
}

# True when git would abort the commit for an empty message: only blank lines, comment lines and
# what follows the scissors line of `commit --verbose`. With core.commentChar=auto git picks a
# character no message line starts with: then a message is empty when all its lines start with
# the same one of git's candidates.
message_empty() {
  cc=$(git config core.commentChar 2>/dev/null)
  case $cc in
  '') cc='#' ;;
  auto) cc=auto ;;
  *) cc=$(printf '%s' "$cc" | cut -c1) ;;
  esac
  CC=$cc awk '
    BEGIN { cc = ENVIRON["CC"]; auto = cc == "auto"; if (auto) cc = "#" }
    index($0, cc " ------------------------ >8 ------------------------") { exit }
    auto && index($0, " ------------------------ >8 ------------------------") == 2 { exit }
    $0 ~ /^[ \t\r\f\v]*$/ { next }
    auto { c = substr($0, 1, 1); if (index("#;@!$%^&|:", c) && (seen == "" || seen == c)) { seen = c; next } }
    !auto && index($0, cc) == 1 { next }
    { written = 1; exit }
    END { exit written }
  ' "$1"
}

# The text of message file $1 without our trailers and without surrounding whitespace: an
# unedited template compares equal to the template git started from.
trimmed_text() {
  strip_ours "$1" | awk '{ text = text (NR > 1 ? "\n" : "") $0 } END { sub(/^[ \t\r\n\f\v]+/, "", text); sub(/[ \t\r\n\f\v]+$/, "", text); printf "%s", text }'
}
