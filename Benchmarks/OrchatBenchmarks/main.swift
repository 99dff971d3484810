// Benchmarks: run with `swift run -c release OrchatBenchmarks [suite…]`.
// Each suite lives in its own file and prints its figures; no suite asserts on time.

let suites: [(name: String, run: () async throws -> Void)] = [
  ("sse", SSEBenchmarks.run),
  ("render", RenderBenchmarks.run),
  ("terminal", TerminalBenchmarks.run),
  ("cancel", CancelBenchmarks.run),
  ("store", StoreBenchmarks.run),
  ("app", AppBenchmarks.run),
  ("paced", PacedStreamBenchmarks.run),
  ("compare", CompareBenchmarks.run),
]

let requested = Set(CommandLine.arguments.dropFirst())
for suite in suites where requested.isEmpty || requested.contains(suite.name) {
  print("== \(suite.name)")
  try await suite.run()
}
