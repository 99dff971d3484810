/// A fast path for the chunk almost every token arrives in: one choice whose delta holds
/// `content` or `reasoning` text (and the reasoning items beside it), no usage, no error, no
/// finish reason
/// (OpenRouter.docc/Streaming.md, Chunks). Foundation's `JSONDecoder` spends most of its time
/// on Linux in generic `Codable` machinery, about 70 µs for such a chunk, on the per-token
/// path; this reads the bytes once.
///
/// It answers only when it is sure to agree with `JSONDecoder` and `ChatChunk`'s lenient
/// rules: anything else (another shape, a key it reads given twice, a `\u` surrogate escape,
/// anything that is not strict JSON) returns `nil`, and the caller
/// decodes the chunk the general way. The fuzz target checks that the two never disagree.
struct ChunkScanner {
  private struct Decline: Error {}

  /// The keys of one object that were read, by their number in that object's switch: a
  /// key given twice is declined (which of the two `JSONDecoder` keeps is its business).
  private struct SeenKeys {
    private var bits: UInt8 = 0

    func contains(_ number: UInt8) -> Bool { bits & (1 << number) != 0 }

    mutating func insert(_ number: UInt8) throws(Decline) {
      guard !contains(number) else { throw Decline() }
      bits |= 1 << number
    }
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  /// Nesting left for values that are skipped (deeper input is declined).
  private var depthLeft = 64

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The chunk in `payload`, or `nil` when the general decoder must decide.
  static func chunk(_ payload: Substring) -> ChatChunk? {
    var payload = payload
    return payload.withUTF8 { bytes in
      var scanner = ChunkScanner(bytes)
      return try? scanner.topLevel()
    }
  }

  // MARK: - The chunk's shape

  private mutating func topLevel() throws(Decline) -> ChatChunk {
    var chunk = ChatChunk(id: nil, model: nil, provider: nil, choices: [])
    var seen = SeenKeys()
    try members { scanner, key throws(Decline) in
      switch key {
      case "id":
        try seen.insert(0)
        chunk.id = try scanner.optionalString()
      case "model":
        try seen.insert(1)
        chunk.model = try scanner.optionalString()
      case "provider":
        try seen.insert(2)
        chunk.provider = try scanner.optionalString()
      case "choices":
        try seen.insert(3)
        chunk.choices = try scanner.choices()
      case "usage":
        try seen.insert(4)
        try scanner.null()
      case "error":
        try seen.insert(5)
        try scanner.null()
      default: try scanner.skipValue()
      }
    }
    guard seen.contains(3) else { throw Decline() }
    skipSpace()
    guard index == bytes.count else { throw Decline() }
    return chunk
  }

  private mutating func choices() throws(Decline) -> [ChatChunk.Choice] {
    var choices: [ChatChunk.Choice] = []
    if try takeNull() { return choices }
    try elements { scanner throws(Decline) in
      // Only the first choice is used; a second must still decode the general way.
      guard choices.isEmpty else { throw Decline() }
      choices.append(try scanner.choice())
    }
    return choices
  }

  private mutating func choice() throws(Decline) -> ChatChunk.Choice {
    var choice = ChatChunk.Choice(delta: nil, finishReason: nil, nativeFinishReason: nil)
    var seen = SeenKeys()
    try members { scanner, key throws(Decline) in
      switch key {
      case "delta":
        try seen.insert(0)
        if try !scanner.takeNull() { choice.delta = try scanner.delta() }
      // A finish comes once per reply, and a whole message rarely: the general way.
      case "finish_reason":
        try seen.insert(1)
        try scanner.null()
      case "native_finish_reason":
        try seen.insert(2)
        try scanner.null()
      case "message":
        try seen.insert(3)
        try scanner.null()
      default: try scanner.skipValue()
      }
    }
    return choice
  }

  private mutating func delta() throws(Decline) -> ChatChunk.Delta {
    var delta = ChatChunk.Delta()
    var seen = SeenKeys()
    try members { scanner, key throws(Decline) in
      switch key {
      case "content":
        try seen.insert(0)
        delta.content = try scanner.optionalString()
      case "reasoning":
        try seen.insert(1)
        delta.reasoning = try scanner.optionalString()
      case "reasoning_details":
        try seen.insert(2)
        delta.reasoningDetails = try scanner.flatObjects()
      case "tool_calls":
        try seen.insert(3)
        try scanner.null()
      case "annotations":
        try seen.insert(4)
        try scanner.null()
      case "images": throw Decline()
      default: try scanner.skipValue()
      }
    }
    return delta
  }

  /// `null`, or an array of objects whose values are strings, `null`, booleans or small
  /// integers: the reasoning items a reasoning model sends with every piece of its thinking
  /// (`{"type":"reasoning.text","text":"…","format":"…","index":0}`).
  private mutating func flatObjects() throws(Decline) -> [JSONValue]? {
    if try takeNull() { return nil }
    var items: [JSONValue] = []
    try elements { scanner throws(Decline) in
      var object: [String: JSONValue] = [:]
      try scanner.members { scanner, key throws(Decline) in
        guard object[key] == nil else { throw Decline() }
        object[key] = try scanner.flatValue()
      }
      items.append(.object(object))
    }
    return items
  }

  /// A string, `null`, a boolean or an integer of at most 15 digits (exact as a `Double`,
  /// as `JSONDecoder` reads it); anything else is declined.
  private mutating func flatValue() throws(Decline) -> JSONValue {
    skipSpace()
    guard let byte = peek else { throw Decline() }
    switch byte {
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    default:
      let start = index
      try number()
      // Fractions, exponents, -0 and long numbers go the general way.
      let negative = bytes[start] == UInt8(ascii: "-")
      let digits = bytes[(negative ? start + 1 : start)..<index]
      guard digits.count <= 15, digits.allSatisfy(Self.isDigit) else { throw Decline() }
      let value = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
      guard !(negative && value == 0) else { throw Decline() }
      return .number(Double(negative ? -value : value))
    }
  }

  // MARK: - JSON

  private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private mutating func expect(_ byte: UInt8) throws(Decline) {
    skipSpace()
    guard peek == byte else { throw Decline() }
    index += 1
  }

  /// Calls `body` with each key of an object, positioned at its value, which `body` must
  /// consume.
  private mutating func members(_ body: (inout ChunkScanner, String) throws(Decline) -> Void)
    throws(Decline)
  {
    try expect(UInt8(ascii: "{"))
    skipSpace()
    if peek == UInt8(ascii: "}") {
      index += 1
      return
    }
    while true {
      skipSpace()
      let key = try string()
      try expect(UInt8(ascii: ":"))
      skipSpace()
      try body(&self, key)
      skipSpace()
      guard let next = peek else { throw Decline() }
      index += 1
      if next == UInt8(ascii: "}") { return }
      guard next == UInt8(ascii: ",") else { throw Decline() }
    }
  }

  /// Reads a `null` if one comes next.
  private mutating func takeNull() throws(Decline) -> Bool {
    skipSpace()
    guard peek == UInt8(ascii: "n") else { return false }
    try literal("null")
    return true
  }

  private mutating func null() throws(Decline) {
    try literal("null")
  }

  /// Calls `body` at each element of an array, which `body` must consume.
  private mutating func elements(_ body: (inout ChunkScanner) throws(Decline) -> Void)
    throws(Decline)
  {
    try expect(UInt8(ascii: "["))
    skipSpace()
    if peek == UInt8(ascii: "]") {
      index += 1
      return
    }
    while true {
      try body(&self)
      skipSpace()
      guard let next = peek else { throw Decline() }
      index += 1
      if next == UInt8(ascii: "]") { return }
      guard next == UInt8(ascii: ",") else { throw Decline() }
    }
  }

  private mutating func literal(_ word: StaticString) throws(Decline) {
    skipSpace()
    let count = word.utf8CodeUnitCount
    guard bytes.count - index >= count else { throw Decline() }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
      throw Decline()
    }
    index += count
  }

  /// A string, or `nil` for `null`; any other value is left to the general decoder.
  private mutating func optionalString() throws(Decline) -> String? {
    try takeNull() ? nil : try string()
  }

  private mutating func string() throws(Decline) -> String {
    guard peek == UInt8(ascii: "\"") else { throw Decline() }
    index += 1
    let start = index
    // Most strings have no escape: one copy of the bytes. They are valid UTF-8 (they come
    // from a `String`, cut at ASCII quotes), so nothing is replaced.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      guard byte >= 0x20 else { throw Decline() }
      index += 1
    }
    var unescaped = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: unescaped, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try unescape(into: &unescaped)
      default:
        guard byte >= 0x20 else { throw Decline() }
        unescaped.append(byte)
      }
    }
    throw Decline()
  }

  private mutating func unescape(into output: inout [UInt8]) throws(Decline) {
    guard let byte = peek else { throw Decline() }
    index += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(byte)
    case UInt8(ascii: "b"): output.append(0x08)
    case UInt8(ascii: "f"): output.append(0x0C)
    case UInt8(ascii: "n"): output.append(0x0A)
    case UInt8(ascii: "r"): output.append(0x0D)
    case UInt8(ascii: "t"): output.append(0x09)
    case UInt8(ascii: "u"):
      guard bytes.count - index >= 4 else { throw Decline() }
      var value: UInt32 = 0
      for _ in 0..<4 {
        guard let digit = Self.hexValue(bytes[index]) else { throw Decline() }
        value = value << 4 | UInt32(digit)
        index += 1
      }
      // Surrogate pairs, and lone halves, are left to the general decoder.
      guard let scalar = Unicode.Scalar(value) else { throw Decline() }
      output.append(contentsOf: String(Character(scalar)).utf8)
    default: throw Decline()
    }
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  /// Passes over any strict JSON value.
  private mutating func skipValue() throws(Decline) {
    skipSpace()
    guard let byte = peek else { throw Decline() }
    switch byte {
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "n"): try literal("null")
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      depthLeft -= 1
      guard depthLeft > 0 else { throw Decline() }
      if byte == UInt8(ascii: "{") {
        try members { scanner, _ throws(Decline) in try scanner.skipValue() }
      } else {
        try elements { scanner throws(Decline) in try scanner.skipValue() }
      }
      depthLeft += 1
    default: try number()
    }
  }

  /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
  private mutating func number() throws(Decline) {
    if peek == UInt8(ascii: "-") { index += 1 }
    guard let first = peek, Self.isDigit(first) else { throw Decline() }
    index += 1
    if first != UInt8(ascii: "0") { skipDigits() }
    if peek == UInt8(ascii: ".") {
      index += 1
      guard try digitsFollow() else { throw Decline() }
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      index += 1
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
      guard try digitsFollow() else { throw Decline() }
    }
  }

  private mutating func digitsFollow() throws(Decline) -> Bool {
    guard let byte = peek, Self.isDigit(byte) else { return false }
    skipDigits()
    return true
  }

  private mutating func skipDigits() {
    while let byte = peek, Self.isDigit(byte) { index += 1 }
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}
