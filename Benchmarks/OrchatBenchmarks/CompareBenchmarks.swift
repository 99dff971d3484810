import ChatDomain
import ChatUI
import Foundation
import Glibc
import TerminalBackend
import TestSupport

/// What a compare costs (issue 11): the release `orchat` binary on a pseudo-terminal streams
/// one reply at 100 tokens/s, then a compare of three models each streaming at 100 tokens/s
/// at once, and every byte written to the terminal and the child's CPU are counted. Three
/// streams should cost at most three times one. Side by side at 200×50 (three columns),
/// stacked at 120×40.
///
/// While the compare streams, a key is typed and the time until the terminal shows it is
/// taken: the input stays instant however much text arrives.
enum CompareBenchmarks {
  static let tokens = 2000
  static let sizes = [TerminalSize(columns: 200, rows: 50), TerminalSize(columns: 120, rows: 40)]

  static func run() async throws {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("orchat")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      print("no orchat binary next to the benchmarks: swift build -c release --product orchat")
      return
    }
    let text = PacedStreamBenchmarks.sampleTokens(count: tokens)
    print("\(tokens) tokens per reply at 100 tokens/s, the release binary on a pty")
    for size in sizes {
      let one = try await measure(binary: binary, size: size, replies: 1, tokens: text)
      let three = try await measure(binary: binary, size: size, replies: 3, tokens: text)
      for (label, result) in [("1 stream", one), ("compare of 3", three)] {
        print(
          "\(size)  \(label.padding(toLength: 13, withPad: " ", startingAt: 0))"
            + String(
              format: "%8d B  %6.1f B/token  CPU %.2f s  peak RSS %.1f MB",
              result.bytes, Double(result.bytes) / Double(tokens * result.replies),
              result.cpuSeconds, result.peakRSSMegabytes)
            + (result.echo.map { String(format: "  key echo %.0f ms", $0 * 1000) } ?? ""))
      }
      print(
        "\(size)  compare / 1 stream: "
          + String(
            format: "bytes %.2fx, CPU %.2fx (target <= 3x)",
            Double(three.bytes) / Double(max(1, one.bytes)),
            three.cpuSeconds / max(0.001, one.cpuSeconds)))
    }
  }

  struct Result {
    var replies: Int
    var bytes: Int
    var cpuSeconds: Double
    var peakRSSMegabytes: Double
    /// Seconds from typing a key mid-stream to the terminal showing it.
    var echo: Double?
  }

  static func measure(binary: URL, size: TerminalSize, replies: Int, tokens: [String]) async throws
    -> Result
  {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let home = try TemporaryDirectory(prefix: "orchat-compare-bench")
    for _ in 0..<replies { stub.enqueue(PacedStreamBenchmarks.reply(tokens, rate: 100)) }
    let (pty, process) = try PacedStreamBenchmarks.launch(
      binary, size: size, stub: stub, home: home)
    defer {
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
    }
    var reader = PacedStreamBenchmarks.OutputReader(pty: pty)
    try reader.wait(for: "Type a message", within: .seconds(20))
    let cpuBefore = PacedStreamBenchmarks.cpuSeconds(of: process.processIdentifier)
    reader.reset()
    if replies == 1 {
      pty.type("go\r")
      try reader.wait(for: "ENDMARK", within: .seconds(120))
    } else {
      pty.type(
        "/compare openai/gpt-4o-mini anthropic/claude-haiku-4.5 google/gemini-2.5-flash go\r")
      try reader.wait(for: "tok/s", within: .seconds(20))
    }
    // Mid-stream, a key: the time until the terminal shows it.
    var echo: Double?
    if replies > 1 {
      try reader.wait(for: "Section 3", within: .seconds(60))
      let typed = ContinuousClock.now
      pty.type("§")
      try reader.wait(for: "§", within: .seconds(10))
      let elapsed = ContinuousClock.now - typed
      echo = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      try reader.wait(for: "Esc keep first done", within: .seconds(120))
    }
    try reader.waitForQuiet(.milliseconds(300))
    let cpu = PacedStreamBenchmarks.cpuSeconds(of: process.processIdentifier) - cpuBefore
    let peak = PacedStreamBenchmarks.peakRSSMegabytes(of: process.processIdentifier)
    pty.type("\u{3}\u{3}")
    return Result(
      replies: replies, bytes: reader.bytesSinceReset, cpuSeconds: cpu, peakRSSMegabytes: peak,
      echo: echo)
  }
}
