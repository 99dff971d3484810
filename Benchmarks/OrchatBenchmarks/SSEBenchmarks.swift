import Foundation
import OpenRouter
import TestSupport

/// SSE decode throughput and the per-token cost of turning bytes into chat events.
enum SSEBenchmarks {
  static func run() async throws {
    // ORCHAT_BENCH_MIB shrinks the stream, e.g. for a run under callgrind.
    let mebibytes = ProcessInfo.processInfo.environment["ORCHAT_BENCH_MIB"].flatMap(Int.init) ?? 64
    let stream = syntheticStream(targetBytes: mebibytes << 20)
    let pieces = cut(stream.bytes, seed: 42)
    print(
      "stream: \(stream.bytes.count >> 20) MiB, \(stream.events) events, \(pieces.count) reads (1 B–16 KiB)"
    )

    let sse = measure(repetitions: 5) {
      var decoder = SSEDecoder()
      var events: [SSEEvent] = []
      var count = 0
      for piece in pieces {
        piece.withUnsafeBytes { decoder.push($0, into: &events) }
        count += events.count
        events.removeAll(keepingCapacity: true)
      }
      return count
    }
    let megabytes = Double(stream.bytes.count) / 1_048_576
    print(
      String(
        format: "SSE decode: %.0f MB/s, %.0f events/s (best of 5; target >= 200 MB/s)",
        megabytes / sse.best, Double(stream.events) / sse.best))

    let chat = measure(repetitions: 3) {
      var decoder = ChatStreamDecoder()
      var events: [ChatStreamEvent] = []
      var tokens = 0
      for piece in pieces {
        try? piece.withUnsafeBytes { try decoder.push($0, into: &events) }
        tokens += events.count
        events.removeAll(keepingCapacity: true)
      }
      return tokens
    }
    print(
      String(
        format: "bytes to chat events: %.2f µs per token (SSE + JSON decode + accumulate)",
        chat.best / Double(stream.events) * 1_000_000))
  }

  /// A stream shaped like OpenRouter's: content chunks with the full prefix, a keep-alive
  /// every 50 events, multi-byte text.
  static func syntheticStream(targetBytes: Int) -> (bytes: [UInt8], events: Int) {
    let chunks = StubChunks()
    let words = ["Hello", " wörld", " 👋", " the", " quick", " 世界", " fox", "\\n", " jumps"]
    var bytes: [UInt8] = []
    bytes.reserveCapacity(targetBytes + 4096)
    var events = 0
    while bytes.count < targetBytes {
      if events % 50 == 0 { bytes += Array(": OPENROUTER PROCESSING\n\n".utf8) }
      bytes += Array("data: \(chunks.content(words[events % words.count]))\n\n".utf8)
      events += 1
    }
    return (bytes, events)
  }

  /// Cuts the bytes at random read sizes, as a network would.
  static func cut(_ bytes: [UInt8], seed: UInt64) -> [[UInt8]] {
    var generator = Xorshift(state: seed)
    var pieces: [[UInt8]] = []
    var start = 0
    while start < bytes.count {
      let size =
        generator.next() % 8 == 0
        ? Int(generator.next() % 16) + 1 : Int(generator.next() % 16_384) + 1
      let end = min(bytes.count, start + size)
      pieces.append(Array(bytes[start..<end]))
      start = end
    }
    return pieces
  }

  static func measure(repetitions: Int, _ body: () -> Int) -> (best: Double, median: Double) {
    var times: [Double] = []
    var sink = 0
    for _ in 0..<repetitions {
      let start = ContinuousClock.now
      sink &+= body()
      let elapsed = ContinuousClock.now - start
      times.append(
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    if sink == -1 { print(sink) }  // keeps the work observable to the optimiser
    times.sort()
    return (times[0], times[times.count / 2])
  }
}

struct Xorshift {
  var state: UInt64

  mutating func next() -> UInt64 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state
  }
}
