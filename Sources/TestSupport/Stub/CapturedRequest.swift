import Foundation
import OpenRouter

/// A request the stub server received, kept so tests can assert exactly what was sent.
public struct CapturedRequest: Sendable {
  public var index: Int
  public var method: String
  /// The path without the query, e.g. `/api/v1/chat/completions`.
  public var path: String
  public var query: String?
  public var headers: [(String, String)]
  public var body: [UInt8]

  /// The first value of a header, by case-insensitive name.
  public func header(_ name: String) -> String? {
    headers.first { $0.0.lowercased() == name.lowercased() }?.1
  }

  public var bodyText: String { String(decoding: body, as: UTF8.self) }

  /// The body as free-form JSON.
  public var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(body)) }

  /// The body decoded as a chat request.
  public func chatRequest() throws -> ChatRequest {
    try JSONDecoder().decode(ChatRequest.self, from: Data(body))
  }

  /// The text of the last user message, when the body is a chat request.
  public var lastUserText: String? {
    (try? chatRequest())?.messages.last { $0.role == .user }?.content?.text
  }
}
