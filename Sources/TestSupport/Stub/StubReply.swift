import Foundation

/// What the stub server answers to one request: a status, headers, and a body written as a
/// script of steps (bytes, pauses, a stall, an abrupt reset), so tests control exactly how
/// bytes reach the client.
public struct StubReply: Sendable {
  public enum Step: Sendable, Hashable {
    /// Bytes written and flushed (in pieces, by `writeMode`).
    case bytes([UInt8])
    case pause(Duration)
    /// Stop writing but keep the connection open until the client leaves.
    case stall
    /// Reset the connection (TCP RST), mid-body.
    case reset
    /// Close the connection without ending the chunked body.
    case close
  }

  /// How `bytes` steps are cut into writes.
  public enum WriteMode: Sendable, Hashable {
    /// One write per step.
    case whole
    /// Writes of 1, 2, 3, 1, 2, 3… bytes (at most `maxChunk`), flushed one by one with a
    /// short pause, so UTF-8 characters and CRLF pairs straddle reads.
    case split(maxChunk: Int, pause: Duration)
  }

  public var status: Int
  public var headers: [(String, String)]
  public var steps: [Step]
  public var writeMode: WriteMode

  public init(
    status: Int = 200, headers: [(String, String)] = [], steps: [Step],
    writeMode: WriteMode = .whole
  ) {
    self.status = status
    self.headers = headers
    self.steps = steps
    self.writeMode = writeMode
  }

  /// A JSON body.
  public static func json(_ text: String, status: Int = 200, headers: [(String, String)] = [])
    -> StubReply
  {
    StubReply(
      status: status,
      headers: [("Content-Type", "application/json")] + headers,
      steps: [.bytes(Array(text.utf8))])
  }

  /// An event stream built from SSE items, with `lineEnding` after every line.
  public static func sse(
    _ items: [SSEItem], lineEnding: String = "\n", tokenDelay: Duration? = nil,
    headers: [(String, String)] = [], writeMode: WriteMode = .whole
  ) -> StubReply {
    var steps: [Step] = []
    for item in items {
      switch item {
      case .pause(let duration): steps.append(.pause(duration))
      case .stall: steps.append(.stall)
      case .reset: steps.append(.reset)
      case .close: steps.append(.close)
      default:
        if let tokenDelay, !steps.isEmpty { steps.append(.pause(tokenDelay)) }
        steps.append(.bytes(Array(item.wireText(lineEnding: lineEnding).utf8)))
      }
    }
    return StubReply(
      status: 200,
      headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-cache")] + headers,
      steps: steps, writeMode: writeMode)
  }
}

/// One item of a scripted event stream.
public enum SSEItem: Sendable, Hashable {
  /// `data: <payload>` then a blank line.
  case data(String)
  /// `: <text>` then a blank line (a keep-alive).
  case comment(String)
  /// `data: [DONE]` then a blank line.
  case done
  /// Raw text, written as is (line endings included by the caller).
  case raw(String)
  case pause(Duration)
  case stall
  case reset
  case close

  func wireText(lineEnding: String) -> String {
    switch self {
    case .data(let payload): return "data: \(payload)\(lineEnding)\(lineEnding)"
    case .comment(let text): return ":\(text.isEmpty ? " " : " " + text)\(lineEnding)\(lineEnding)"
    case .done: return "data: [DONE]\(lineEnding)\(lineEnding)"
    case .raw(let text): return text
    default: return ""
    }
  }
}
