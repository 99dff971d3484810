import Foundation
import TestSupport
import Testing

@testable import OpenRouter

/// The key never leaks: a malformed one is refused before any request, and every error text
/// is redacted whatever the escaping the key went through (OpenRouter.docc/Errors.md,
/// The key).
@Suite struct APIKeySafetyTests {
  static let key = "sk-or-v1-0123456789abcdef0123456789abcdef"
  static let request = ChatRequest(model: "openai/gpt-4.1-mini", messages: [.user("hi")])
  static let refusal =
    "The API key contains a control character or space; set it again without them"

  static func expectNoKey(_ error: OpenRouterError, _ key: String = key) {
    for text in [error.userMessage, error.debugDescription, error.message, error.rawBody ?? ""] {
      #expect(!text.contains(key), "\(text)")
      #expect(!text.contains(String(key.prefix(16))), "\(text)")
    }
  }

  @Test(arguments: [
    "\r", "\n", "\r\n", " ", "\t", "\u{0}", "\u{7F}", "\u{85}", "\u{200B}", "\u{A0}",
  ])
  func aMalformedKeyIsRefusedBeforeAnyRequest(bad: String) async throws {
    let stub = try await StubOpenRouter.start()
    for key in [Self.key + bad, bad + Self.key, "sk-or-v1-01234567\(bad)89abcdef0123456789abcdef"] {
      let client = TestClients.client(for: stub, key: key)
      let result = await TestClients.collect(client.stream(Self.request))
      let error = try #require(result.error as? OpenRouterError)
      #expect(error.category == .auth)
      #expect(error.userMessage == Self.refusal)
      #expect(error.attempts == 1)
      Self.expectNoKey(error)
      await #expect(throws: OpenRouterError.self) { _ = try await client.models() }
      await #expect(throws: OpenRouterError.self) { _ = try await client.keyInfo() }
    }
    #expect(stub.requests.isEmpty)
    await stub.shutdown()
  }

  @Test func anEmptyKeyStillReachesTheCatalog() async throws {
    // `GET /models` needs no key; orchat sends an empty one when none is set.
    let stub = try await StubOpenRouter.start()
    let models = try await TestClients.client(for: stub, key: "").models()
    #expect(!models.isEmpty)
    await stub.shutdown()
  }

  @Test func theTransportNeverQuotesAHeaderValueItRejects() async throws {
    let request = TransportRequest(
      method: "GET", url: "http://127.0.0.1:9/api/v1/models",
      headers: [("Authorization", "Bearer \(Self.key)\r")], timeout: .seconds(5))
    do {
      _ = try await TestClients.transport.send(request)
      Issue.record("a header with CR must be refused")
    } catch let error as TransportError {
      #expect(!String(describing: error).contains(String(Self.key.prefix(16))))
    }
  }

  @Test func redactionFindsTheKeyWhateverItsEscaping() {
    let client = OpenRouterClient(
      configuration: OpenRouterConfiguration(apiKey: Self.key), transport: ScriptedTransport())
    let texts = [
      "raw \(Self.key) end",
      #"HTTPClientError.invalidHeaderFieldValues(["Bearer \#(Self.key)\r"])"#,
      "quoted \"Bearer \(Self.key)\\r\" by a debug description",
      "cut short: Bearer \(Self.key.prefix(20))…",
      "cut short at the end: \(Self.key.prefix(24))",
      "a key the server invented: sk-or-v1-ffffffffffffffffffffffffffffffff.",
      "Authorization: Bearer someothertoken123",
    ]
    for text in texts {
      var error = OpenRouterError(category: .network, message: text, rawBody: text)
      error.metadata = .object(["raw": .string(text)])
      error.providerName = text
      let redacted = client.redact(error)
      Self.expectNoKey(redacted)
      #expect(!redacted.message.contains("ffffffffffffffff"))
      #expect(!redacted.message.contains("someothertoken123"))
      #expect(
        redacted.metadata?["raw"]?.stringValue?.contains(String(Self.key.prefix(16))) == false)
      #expect(redacted.providerName?.contains(String(Self.key.prefix(16))) == false)
    }
  }

  @Test func redactionFindsAnOddKeyInJSONAndPercentEncoding() {
    let key = "orkey/with+odd=chars\"and\\slashes-0123456789"
    let client = OpenRouterClient(
      configuration: OpenRouterConfiguration(apiKey: key), transport: ScriptedTransport())
    let json = String(decoding: try! JSONEncoder().encode(key), as: UTF8.self)
    let percent = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    for text in ["json \(json)", "percent \(percent)", "debug \(key.debugDescription)"] {
      let redacted = client.redact(OpenRouterError(category: .badRequest, message: text))
      #expect(!redacted.message.contains("odd"), "\(redacted.message)")
      #expect(!redacted.message.contains("slashes-0123456789"), "\(redacted.message)")
      #expect(redacted.message.contains("[redacted]"))
    }
  }

  @Test func aKeyTooShortToBeASecretDoesNotGarbleText() {
    let client = OpenRouterClient(
      configuration: OpenRouterConfiguration(apiKey: "test"), transport: ScriptedTransport())
    let text = "the test model is not available"
    #expect(client.redact(OpenRouterError(category: .notFound, message: text)).message == text)
  }

  @Test func ordinaryTextIsLeftAlone() {
    let client = OpenRouterClient(
      configuration: OpenRouterConfiguration(apiKey: Self.key), transport: ScriptedTransport())
    for text in [
      "No endpoints found for openai/gpt-4o-mini; task-or-v1 is fine",
      "Missing bearer token", "Invalid Bearer token: expired",
    ] {
      #expect(client.redact(OpenRouterError(category: .notFound, message: text)).message == text)
    }
  }
}
