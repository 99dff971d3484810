#!/usr/bin/env bash
# Fuzzes the SSE decoder and the chat stream decoder with libFuzzer.
#   Tests/Fuzz/run-fuzz.sh [runs]      (default 1000000)
# The decoders are compiled straight from Sources/OpenRouter (the files that need no
# networking), with the fuzzer and AddressSanitizer (FUZZ_SANITIZERS=fuzzer drops ASan for
# speed). Seeds: Tests/Fuzz/corpus, each file named after the number of the case it
# exercises (OpenRouter.docc/EdgeCases.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-1000000}"
out=.build/fuzz
mkdir -p "$out" "$out/corpus"
sources=(
  Sources/OpenRouter/SSE/*.swift
  Sources/OpenRouter/Stream/*.swift
  Sources/OpenRouter/Wire/*.swift
  Sources/OpenRouter/OpenRouterError*.swift
  Sources/OpenRouter/Client/RetryAfter.swift
  Sources/OpenRouter/Client/SecretRedactor.swift
)
swiftc -O -sanitize="${FUZZ_SANITIZERS:-fuzzer,address}" -parse-as-library -module-name OpenRouterFuzz \
  Tests/Fuzz/FuzzEntry.swift "${sources[@]}" -o "$out/fuzz-decoders"
cp Tests/Fuzz/corpus/* "$out/corpus/"
"$out/fuzz-decoders" -runs="$runs" -max_len=4096 -print_final_stats=1 "$out/corpus"
