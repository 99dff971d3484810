/// A deterministic random number generator (SplitMix64) for property tests, so a failing
/// case can be reproduced from its seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

extension SeededGenerator {
  /// Splits `text` into random pieces (of 1 to `maxLength` characters), as a stream of
  /// deltas would arrive.
  public mutating func randomSplits(of text: String, maxLength: Int = 12) -> [String] {
    var pieces: [String] = []
    var rest = Substring(text)
    while !rest.isEmpty {
      let length = Int.random(in: 1...maxLength, using: &self)
      pieces.append(String(rest.prefix(length)))
      rest = rest.dropFirst(length)
    }
    return pieces
  }

  /// Splits `text` at random UTF-8 scalar boundaries, which may fall inside a grapheme
  /// (between a base and its combining mark, inside an emoji ZWJ sequence).
  public mutating func randomScalarSplits(of text: String, maxLength: Int = 12) -> [String] {
    var pieces: [String] = []
    var rest = Substring(text).unicodeScalars
    while !rest.isEmpty {
      let length = Int.random(in: 1...maxLength, using: &self)
      var piece = String.UnicodeScalarView()
      piece.append(contentsOf: rest.prefix(length))
      pieces.append(String(piece))
      rest = rest.dropFirst(length)
    }
    return pieces
  }
}
