# Whether an AI agent may be behind this commit, without node: hook.sh sources this. Both tests
# are cheap supersets of the tables in src/core/provenance/ (agent-env-signals.ts,
# commit-signals.ts): they only decide whether node starts to decide
# (tests/integration/agent-prefilter.test.ts keeps each entry of those tables matched here).

# An AI agent's environment. Every hook of every commit asks, SELFREVIEW=0 ones too: the named
# variables are tested in the shell itself; `env | grep` (two processes) runs only when a
# COPILOT_AGENT_* name appears in the builtin `export -p` (a fork, no exec).
agent_env() {
  [ -n "${CLAUDECODE-}${GEMINI_CLI-}${CODEX_SANDBOX-}${CURSOR_AGENT-}${CURSOR_EXTENSION_HOST_ROLE-}${COPILOT_CLI-}${AI_AGENT-}" ] && return 0
  case $(export -p) in
  *COPILOT_AGENT_*) env | grep -qE '^COPILOT_AGENT_[A-Za-z0-9_]*=.' ;;
  *) return 1 ;;
  esac
}

# The first agent variable set, for the marker of an agent's skip.
agent_env_name() {
  env | grep -E '^(CLAUDECODE|GEMINI_CLI|CODEX_SANDBOX|CURSOR_AGENT|CURSOR_EXTENSION_HOST_ROLE|COPILOT_CLI|COPILOT_AGENT_[A-Za-z0-9_]*|AI_AGENT)=.' | {
    IFS== read -r key _
    echo "env $key"
  }
}

# An agent named by the message file $1 (a trailer or footer) or by the author.
may_be_agent() {
  grep -qiE '^(co-authored-by|assisted-by|made-with|self-review-skipped)[[:space:]]*:|generated with' "$1" 2>/dev/null && return 0
  agent_env && return 0
  git var GIT_AUTHOR_IDENT 2>/dev/null | grep -qiE '\(aider\)|^copilot|<(cursoragent@|noreply@anthropic|noreply@openai|[0-9]*\+devin-ai-integration|roomote@)'
}
