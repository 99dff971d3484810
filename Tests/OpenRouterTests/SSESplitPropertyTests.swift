import Testing

@testable import OpenRouter

/// The same bytes must give the same events however they are cut into reads.
@Suite struct SSESplitPropertyTests {
  /// Streams that exercise every line ending, comments, BOM, multi-byte UTF-8 and multi-line
  /// data, in one corpus.
  static let corpus: [[UInt8]] = [
    [0xEF, 0xBB, 0xBF]
      + bytes(": OPENROUTER PROCESSING\r\n\r\ndata: {\"c\":\"héllo 👋 世界\"}\r\n\r\n"),
    bytes("event: ping\rid: 9\rdata: a\rdata: b\r\r: c\r\rdata:[DONE]\r\r"),
    bytes("data: {\"a\":\ndata: 1}\n\n\n\ndata\n\n:\n\ndata:  two spaces\n\n"),
    bytes("data: x\r\n\r\ndata: y\n\ndata: z\r\rretry: 10\ndata: 🇯🇵e\u{301}\n\n"),
  ]

  @Test(arguments: corpus.indices)
  func everySplitPointGivesIdenticalEvents(index: Int) {
    let stream = Self.corpus[index]
    let whole = decodeSSE(stream)
    for cut in 0...stream.count {
      #expect(decodeSSE(stream, cuts: [cut]) == whole, "cut at \(cut)")
    }
  }

  @Test(arguments: corpus.indices)
  func everyPairOfSplitPointsGivesIdenticalEvents(index: Int) {
    let stream = Self.corpus[index]
    let whole = decodeSSE(stream)
    for first in 0...stream.count {
      for second in first...stream.count {
        #expect(decodeSSE(stream, cuts: [first, second]) == whole)
      }
    }
  }

  @Test func randomSplitsGiveIdenticalEvents() {
    var generator = SplitMix64(seed: 0x5EED)
    for stream in Self.corpus {
      let whole = decodeSSE(stream)
      for _ in 0..<500 {
        let count = Int.random(in: 0...stream.count, using: &generator)
        let cuts = (0..<count).map { _ in Int.random(in: 0...stream.count, using: &generator) }
        #expect(decodeSSE(stream, cuts: cuts) == whole)
      }
    }
  }

  @Test func byteByByteFeedingGivesIdenticalEvents() {
    for stream in Self.corpus {
      #expect(decodeSSE(stream, cuts: Array(0...stream.count)) == decodeSSE(stream))
    }
  }
}

/// A small deterministic generator, so a failing random split can be reproduced.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
