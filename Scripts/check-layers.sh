#!/usr/bin/env bash
# Checks the layering the compiler cannot see on its own: the pure targets (ChatUI,
# ChatRender and everything they depend on) reach no I/O library, directly or through another
# target. `swift build --explicit-target-dependency-import-check error` (in .ci/run) checks the
# other half: every module a target imports is one it declares.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package describe --type json | python3 -c '
import json, sys
package = json.load(sys.stdin)
targets = {target["name"]: target for target in package["targets"]}
forbidden = {"GRDB", "TOMLKit", "AsyncHTTPClient", "NIOCore", "NIOPosix", "NIOHTTP1", "OpenRouter", "ChatCore"}

def closure(name, seen):
    target = targets.get(name)
    if target is None or name in seen:
        return seen
    seen.add(name)
    for product in target.get("product_dependencies") or []:
        seen.add(product)
    for dependency in target.get("target_dependencies") or []:
        closure(dependency, seen)
    return seen

failed = False
for pure in ["ChatDomain", "Formatting", "ChatUI", "ChatRender"]:
    reached = closure(pure, set()) - {pure}
    bad = sorted(reached & forbidden)
    if bad:
        failed = True
        print(pure + " reaches " + ", ".join(bad) + ": it must stay pure")
    else:
        print(pure + ": depends on " + (", ".join(sorted(reached)) or "nothing") + " (no I/O library)")
sys.exit(1 if failed else 0)
'
