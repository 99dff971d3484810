#!/usr/bin/env bash
# Fuzzes what a server sends with libFuzzer, one target at a time:
#   decoders  the SSE decoder and the chat stream decoder (FuzzEntry.swift; also checks that
#             the events do not depend on how the bytes were cut)
#   bodies    whole bodies: non-streaming replies, error bodies of any status, the JSON of
#             /models, /key and /generation (FuzzBodies.swift)
#   numbers   retry hints in headers and bodies, error and provider codes, token counts,
#             costs and times (FuzzHeaders.swift)
#
#   Tests/Fuzz/run-fuzz.sh [runs] [target...]    (default 1000000 runs, every target)
#
# The code under test is compiled straight from Sources/OpenRouter (the files that need no
# networking), with the fuzzer and AddressSanitizer (FUZZ_SANITIZERS=fuzzer drops ASan for
# speed). Seeds: Tests/Fuzz/corpus (decoders; each file named after the number of the case
# it exercises in OpenRouter.docc/EdgeCases.md), Tests/Fuzz/corpus-bodies and
# Tests/Fuzz/corpus-numbers (named the same way).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-1000000}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(decoders bodies numbers)
out=.build/fuzz
sources=(
  Sources/OpenRouter/SSE/*.swift
  Sources/OpenRouter/Stream/*.swift
  Sources/OpenRouter/Wire/*.swift
  Sources/OpenRouter/OpenRouterError*.swift
  Sources/OpenRouter/Client/RetryAfter.swift
  Sources/OpenRouter/Client/RetryPolicy.swift
  Sources/OpenRouter/Client/SecretRedactor.swift
)
for target in "${targets[@]}"; do
  case "$target" in
    decoders) entry=Tests/Fuzz/FuzzEntry.swift; seeds=Tests/Fuzz/corpus ;;
    bodies) entry=Tests/Fuzz/FuzzBodies.swift; seeds=Tests/Fuzz/corpus-bodies ;;
    numbers) entry=Tests/Fuzz/FuzzHeaders.swift; seeds=Tests/Fuzz/corpus-numbers ;;
    *) echo "unknown target: $target (decoders, bodies, numbers)" >&2; exit 2 ;;
  esac
  mkdir -p "$out/corpus-$target"
  echo "== $target"
  swiftc -O -sanitize="${FUZZ_SANITIZERS:-fuzzer,address}" -parse-as-library \
    -module-name OpenRouterFuzz "$entry" "${sources[@]}" -o "$out/fuzz-$target"
  cp "$seeds"/* "$out/corpus-$target/"
  "$out/fuzz-$target" -runs="$runs" -max_len=4096 -print_final_stats=1 "$out/corpus-$target"
done
