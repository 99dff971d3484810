/// Decodes a `text/event-stream` byte stream into events, by the WHATWG parsing rules.
///
/// Feed it the bytes in whatever pieces they arrive; the events are the same for every way
/// of cutting the same bytes.
///
/// - Lines end at LF, CR or CRLF, including a CR at the end of one piece and its LF at the
///   start of the next.
/// - Lines are decoded as UTF-8 only when complete, so characters split across pieces survive.
/// - One leading byte-order mark is dropped, even when it is split across pieces.
/// - Comments (`:` lines) are skipped; `data` lines are joined with `\n`; `event`, `id` and
///   `retry` are honoured; an empty line dispatches; an event without data is not dispatched.
///
/// - A line longer than `maxLineLength`, or an event whose data grows past
///   `maxEventLength`, stops the decoder: `overflow` says which, and every later byte is
///   ignored, so a server that never sends a line end cannot make it hold unbounded memory
///   (OpenRouter.docc/EdgeCases.md, cases 61 and 62). The stop does not depend on how the
///   bytes were cut either.
///
/// **Invariants:** `pendingLine` holds the bytes of the current unterminated line, never
/// more than `maxLineLength`; `dataBuffer` never holds more than `maxEventLength`;
/// `swallowLF` is true only when the previous piece ended with CR; `hasData` is true when at
/// least one `data` field was seen since the last dispatch; once `overflow` is set, nothing
/// changes any more.
public struct SSEDecoder: Sendable {
  /// Why the decoder stopped.
  public enum Overflow: Sendable, Hashable {
    /// A line (data, comment or any field) was longer than `limit` bytes.
    case line(limit: Int)
    /// The data of one event grew past `limit` bytes.
    case event(limit: Int)
  }

  /// 32 MiB: room for a generated image in one line, and far less than a machine has.
  public static let defaultLimit = 32 << 20

  public let maxLineLength: Int
  public let maxEventLength: Int
  /// Set once a limit was passed; the decoder then ignores all input.
  public private(set) var overflow: Overflow? {
    didSet { isStopped = overflow != nil }
  }
  /// `overflow != nil`, kept as a plain flag: it is tested for every line.
  private var isStopped = false

  private var pendingLine: [UInt8] = []
  private var swallowLF = false
  private var bomPrefix: [UInt8]? = []
  private var dataBuffer: [UInt8] = []
  private var hasData = false
  private var eventType: String?
  private var lastEventID = ""

  /// The reconnection time in milliseconds from the last valid `retry:` field.
  public private(set) var reconnectionTime: Int?
  /// How many comment lines were skipped (keep-alives).
  public private(set) var commentCount = 0

  public init(maxLineLength: Int = defaultLimit, maxEventLength: Int = defaultLimit) {
    self.maxLineLength = maxLineLength
    self.maxEventLength = maxEventLength
  }

  /// Decodes the next piece of the stream.
  public mutating func push(_ bytes: some Sequence<UInt8>) -> [SSEEvent] {
    var events: [SSEEvent] = []
    let array = Array(bytes)
    array.withUnsafeBytes { push($0, into: &events) }
    return events
  }

  /// Decodes the next piece of the stream, appending dispatched events to `events`.
  public mutating func push(_ bytes: UnsafeRawBufferPointer, into events: inout [SSEEvent]) {
    guard !isStopped else { return }
    if bomPrefix != nil {
      handleBOM(bytes, into: &events)
      return
    }
    scan(bytes, into: &events)
  }

  /// Ends the stream. Returns the event that was still being built when the bytes stopped
  /// (no terminating blank line), if it had data. WHATWG discards such an event; callers
  /// may decide to use it (OpenRouter.docc/Streaming.md, End of input).
  public mutating func finish() -> SSEEvent? {
    guard !isStopped else { return nil }
    if let prefix = bomPrefix {
      bomPrefix = nil
      var ignored: [SSEEvent] = []
      prefix.withUnsafeBytes { scan($0, into: &ignored) }
    }
    if !pendingLine.isEmpty, !isStopped {
      let line = pendingLine
      pendingLine.removeAll()
      var ignored: [SSEEvent] = []
      line.withUnsafeBytes { process(line: $0, into: &ignored) }
    }
    guard hasData, !isStopped else { return nil }
    return makeEvent()
  }

  // MARK: - Scanning

  /// Holds back the first bytes until it is known whether they start with a BOM.
  private mutating func handleBOM(_ bytes: UnsafeRawBufferPointer, into events: inout [SSEEvent]) {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    var prefix = bomPrefix ?? []
    var consumed = 0
    while prefix.count < 3, consumed < bytes.count {
      prefix.append(bytes[consumed])
      consumed += 1
      if prefix.last != bom[prefix.count - 1] { break }
    }
    if prefix.count < 3 && prefix == Array(bom.prefix(prefix.count)) {
      bomPrefix = prefix  // still undecided: need more bytes
      return
    }
    bomPrefix = nil
    if prefix != bom {
      prefix.withUnsafeBytes { scan($0, into: &events) }
    }
    scan(UnsafeRawBufferPointer(rebasing: bytes[consumed...]), into: &events)
  }

  private mutating func scan(_ bytes: UnsafeRawBufferPointer, into events: inout [SSEEvent]) {
    guard !isStopped else { return }
    let count = bytes.count
    var index = 0
    if swallowLF, count > 0 {
      swallowLF = false
      if bytes[0] == 0x0A { index = 1 }
    }
    var lineStart = index
    while index < count {
      let byte = bytes[index]
      if byte > 0x0D || (byte != 0x0A && byte != 0x0D) {
        index += 1
        continue
      }
      let piece = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<index])
      if pendingLine.count + piece.count > maxLineLength {
        stop(.line(limit: maxLineLength))
        return
      }
      if pendingLine.isEmpty {
        process(line: piece, into: &events)
      } else {
        pendingLine.append(contentsOf: piece)
        let line = pendingLine
        pendingLine.removeAll(keepingCapacity: true)
        line.withUnsafeBytes { process(line: $0, into: &events) }
      }
      if isStopped { return }
      if byte == 0x0D {
        if index + 1 < count {
          if bytes[index + 1] == 0x0A { index += 1 }
        } else {
          swallowLF = true
        }
      }
      index += 1
      lineStart = index
    }
    if lineStart < count {
      guard pendingLine.count + (count - lineStart) <= maxLineLength else {
        stop(.line(limit: maxLineLength))
        return
      }
      pendingLine.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[lineStart..<count]))
    }
  }

  /// Gives up: frees the buffers and ignores everything from now on.
  private mutating func stop(_ reason: Overflow) {
    overflow = reason
    pendingLine = []
    dataBuffer = []
    hasData = false
  }

  // MARK: - Lines

  private mutating func process(line: UnsafeRawBufferPointer, into events: inout [SSEEvent]) {
    guard let first = line.first else {
      dispatch(into: &events)
      return
    }
    if first == UInt8(ascii: ":") {
      commentCount += 1
      return
    }
    var colon = 0
    while colon < line.count, line[colon] != UInt8(ascii: ":") { colon += 1 }
    let name = UnsafeRawBufferPointer(rebasing: line[0..<colon])
    var valueStart = Swift.min(colon + 1, line.count)
    if valueStart < line.count, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
    let value = UnsafeRawBufferPointer(rebasing: line[valueStart...])

    if Self.equals(name, "data") {
      guard dataBuffer.count + (hasData ? 1 : 0) + value.count <= maxEventLength else {
        stop(.event(limit: maxEventLength))
        return
      }
      if hasData { dataBuffer.append(0x0A) }
      dataBuffer.append(contentsOf: value)
      hasData = true
    } else if Self.equals(name, "event") {
      eventType = String(decoding: value, as: UTF8.self)
    } else if Self.equals(name, "id") {
      if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
    } else if Self.equals(name, "retry") {
      if !value.isEmpty, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
        let milliseconds = Int(String(decoding: value, as: UTF8.self))
      {
        reconnectionTime = milliseconds
      }
    }
  }

  private mutating func dispatch(into events: inout [SSEEvent]) {
    guard hasData else {
      eventType = nil
      return
    }
    events.append(makeEvent())
  }

  private mutating func makeEvent() -> SSEEvent {
    let event = SSEEvent(
      type: eventType.flatMap { $0.isEmpty ? nil : $0 } ?? "message",
      data: String(decoding: dataBuffer, as: UTF8.self),
      lastEventID: lastEventID)
    dataBuffer.removeAll(keepingCapacity: true)
    hasData = false
    eventType = nil
    return event
  }

  private static func equals(_ bytes: UnsafeRawBufferPointer, _ name: StaticString) -> Bool {
    guard bytes.count == name.utf8CodeUnitCount else { return false }
    let pointer = name.utf8Start
    for offset in 0..<bytes.count where bytes[offset] != pointer[offset] { return false }
    return true
  }
}
