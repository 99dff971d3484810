enum SSEBenchmarks {
  static func run() async throws {}
}
