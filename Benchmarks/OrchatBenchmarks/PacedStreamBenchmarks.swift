import ChatDomain
import ChatUI
import Foundation
import Glibc
import TerminalBackend
import TestSupport

/// What the release `orchat` binary costs while a reply streams at a real model's pace
/// (issue 16): the app runs as its own process on a pseudo-terminal (120x40,
/// `xterm-256color`) against the stub server in this process, and every byte it writes to the
/// terminal is counted. CPU and peak memory are the child's own, from `/proc`.
///
/// The reply is 2,000 tokens of mixed markdown (prose, bold, inline code, lists, code blocks,
/// CJK, emoji), sent as fast as the socket allows, and at 100 tokens a second; then again
/// after five earlier replies in the session.
enum PacedStreamBenchmarks {
  static let size = TerminalSize(columns: 120, rows: 40)
  static let tokens = 2000

  static func run() async throws {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("orchat")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      print("no orchat binary next to the benchmarks: swift build -c release --product orchat")
      return
    }
    let text = sampleTokens(count: tokens)
    let tokenBytes = text.reduce(0) { $0 + $1.utf8.count }
    print("\(tokens) tokens (\(tokenBytes) bytes of text) at \(size), the release binary on a pty")
    for (label, rate, history) in [
      ("as fast as possible", 0, 0), ("paced at 100 tokens/s", 100, 0),
      ("paced, after 5 earlier replies", 100, 5),
    ] {
      let result = try await measure(
        binary: binary, tokens: text, rate: rate, earlierReplies: history)
      print(
        label.padding(toLength: 32, withPad: " ", startingAt: 0)
          + String(
            format: "%6.1f B/token   CPU %.2f s   peak RSS %.1f MB",
            Double(result.bytes) / Double(tokens), result.cpuSeconds, result.peakRSSMegabytes))
    }
    print("targets at 100 tokens/s: <= 10 B/token, <= 0.40 CPU s; peak RSS <= 30 MB")
  }

  struct Result {
    var bytes: Int
    var cpuSeconds: Double
    var peakRSSMegabytes: Double
  }

  /// `count` tokens of the sample text, the last one a marker the screen shows at the end.
  static func sampleTokens(count: Int, marker: String = "ENDMARK") -> [String] {
    var pieces: [String] = []
    var section = 1
    while pieces.count < count - 1 {
      let source =
        "## Section \(section)\n\nthe quick brown fox jumps **over** a lazy dog while streaming "
        + "`tokens` render in the terminal and every frame should only repaint what changed.\n\n"
        + "- first item\n- second item with `code`\n\n```python\ndef fib(n: int) -> int:\n"
        + "    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n```\n\n"
        + "这是一个流式输出测试。日本語のテキストも表示します。 🚀 ✅ 🎉\n\n"
      var current = ""
      for character in source {
        current.append(character)
        if character == " " || character == "\n" || current.utf8.count >= 6 {
          pieces.append(current)
          current = ""
        }
      }
      if !current.isEmpty { pieces.append(current) }
      section += 1
    }
    return Array(pieces.prefix(count - 1)) + [" " + marker]
  }

  /// The end marker of reply `turn`: no letter of it is where the previous one's was.
  static func marker(_ turn: Int) -> String {
    String(repeating: ["QQ", "WW", "XX", "ZZ", "JJ", "VV", "KK"][turn % 7], count: 4)
  }

  static func reply(_ tokens: [String], rate: Int) -> StubReply {
    let chunks = StubChunks(model: "openai/gpt-4o-mini")
    var items: [SSEItem] = tokens.map { .data(chunks.content($0)) }
    items += [
      .data(chunks.finish()),
      .data(chunks.usage(prompt: 10, completion: tokens.count, cost: "0.001")), .done,
    ]
    return .sse(items, tokenDelay: rate > 0 ? .milliseconds(1000 / rate) : nil)
  }

  static func measure(binary: URL, tokens: [String], rate: Int, earlierReplies: Int) async throws
    -> Result
  {
    let stub = try await StubOpenRouter.start()
    defer { Task { await stub.shutdown() } }
    let home = try TemporaryDirectory(prefix: "orchat-paced")
    // Each reply ends with a marker of its own: a reply laid out like the one before can end
    // where that one ended, and the terminal is not sent what it already shows.
    for turn in 0...earlierReplies {
      let marked = tokens.dropLast() + [" " + marker(turn)]
      stub.enqueue(reply(Array(marked), rate: turn < earlierReplies ? 0 : rate))
    }
    let (pty, process) = try launch(binary, size: size, stub: stub, home: home)
    defer {
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
    }
    var reader = OutputReader(pty: pty)
    try reader.wait(for: "Type a message", within: .seconds(20))
    for turn in 0...earlierReplies {
      pty.type("go \(turn)\r")
      if turn < earlierReplies { try reader.wait(for: marker(turn), within: .seconds(60)) }
      if turn < earlierReplies { try reader.waitForQuiet(.milliseconds(300)) }
    }
    let cpuBefore = cpuSeconds(of: process.processIdentifier)
    reader.reset()
    try reader.wait(for: marker(earlierReplies), within: .seconds(120))
    try reader.waitForQuiet(.milliseconds(300))
    let cpu = cpuSeconds(of: process.processIdentifier) - cpuBefore
    let peak = peakRSSMegabytes(of: process.processIdentifier)
    pty.type("\u{3}\u{3}")
    return Result(bytes: reader.bytesSinceReset, cpuSeconds: cpu, peakRSSMegabytes: peak)
  }

  /// Reads the controller side of the pty, keeping count.
  /// The release app on a new pseudo-terminal of `size`, talking to `stub`, its files in
  /// `home`. Terminate the process when done.
  static func launch(
    _ binary: URL, size: TerminalSize, stub: StubOpenRouter, home: TemporaryDirectory
  )
    throws -> (PseudoTerminal, Process)
  {
    let pty = try PseudoTerminal(size: size)
    let process = Process()
    process.executableURL = binary
    process.arguments = ["--model", "openai/gpt-4o-mini"]
    process.environment = [
      "HOME": home.url.path, "TERM": "xterm-256color", "LANG": "C.UTF-8",
      "OPENROUTER_API_KEY": "sk-or-v1-bench", "OPENROUTER_BASE_URL": stub.baseURL,
      "ORCHAT_CONFIG_DIR": home.appending("config").path,
      "ORCHAT_DATA_DIR": home.appending("data").path,
      "ORCHAT_CACHE_DIR": home.appending("cache").path,
    ]
    let device = FileHandle(fileDescriptor: pty.deviceDescriptor, closeOnDealloc: false)
    process.standardInput = device
    process.standardOutput = device
    process.standardError = device
    try process.run()
    return (pty, process)
  }

  struct OutputReader {
    let pty: PseudoTerminal
    var recent: [UInt8] = []
    var bytesSinceReset = 0

    init(pty: PseudoTerminal) {
      self.pty = pty
    }

    mutating func reset() {
      bytesSinceReset = 0
      recent = []
    }

    /// Reads until `marker` has been written (the output is searched, escapes and all).
    mutating func wait(for marker: String, within deadline: Duration) throws {
      let end = ContinuousClock.now + deadline
      let needle = Array(marker.utf8)
      while ContinuousClock.now < end {
        let bytes = pty.readOutput(quietPeriod: .milliseconds(5))
        if !bytes.isEmpty {
          bytesSinceReset += bytes.count
          recent += bytes
          if recent.count > 1 << 20 { recent.removeFirst(recent.count - 4096) }
          if contains(recent, needle) {
            recent = []
            return
          }
        }
      }
      throw TerminalError.systemCall("waiting for \(marker)", errno: ETIMEDOUT)
    }

    /// Reads until nothing more arrives for `quiet`.
    mutating func waitForQuiet(_ quiet: Duration) throws {
      let bytes = pty.readOutput(quietPeriod: quiet)
      bytesSinceReset += bytes.count
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
      guard haystack.count >= needle.count else { return false }
      return haystack.indices.dropLast(needle.count - 1).contains { start in
        haystack[start..<(start + needle.count)].elementsEqual(needle)
      }
    }
  }

  static func cpuSeconds(of pid: Int32) -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return 0 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    // After the command name: state is field 3; utime and stime are fields 14 and 15.
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else {
      return 0
    }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  static func peakRSSMegabytes(of pid: Int32) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return 0 }
    let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
    return kilobytes / 1024
  }
}
