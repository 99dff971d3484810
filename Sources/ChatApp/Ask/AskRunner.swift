import ChatUI
import Foundation
import OpenRouter

/// Runs `orchat ask`: one prompt, one reply, streamed to standard output.
///
/// Text already written stays written when something fails; the failure is one line on
/// standard error (`error: <what to do>`) and exit status 1. Cancellation (Ctrl-C) exits 130.
public struct AskRunner: Sendable {
  public static let defaultModel = "openai/gpt-4o-mini"
  /// OpenRouter pre-checks credit against the model's whole output length when no cap is
  /// sent (protocol §3.1), so a cap is always sent.
  public static let defaultMaxTokens = 4096

  let client: OpenRouterClient
  let output: any TextOutput
  let errors: any TextOutput

  public init(client: OpenRouterClient, output: any TextOutput, errors: any TextOutput) {
    self.client = client
    self.output = output
    self.errors = errors
  }

  /// - Returns: the process exit status.
  public func run(_ options: AskOptions) async -> Int32 {
    let request = Self.request(for: options)
    do {
      if options.stream {
        try await stream(request, json: options.json)
      } else {
        try await complete(request, json: options.json)
      }
      return 0
    } catch let error as OpenRouterError {
      if error.category == .cancelled { return 130 }
      errors.write("error: \(error.userMessage)\n")
      return 1
    } catch {
      errors.write("error: \(OpenRouterError.oneLine(String(describing: error), limit: 200))\n")
      return 1
    }
  }

  static func request(for options: AskOptions) -> ChatRequest {
    var messages: [ChatMessage] = []
    if let system = options.system, !system.isEmpty { messages.append(.system(system)) }
    messages.append(.user(options.prompt))
    let models = options.models.isEmpty ? [defaultModel] : options.models
    return ChatRequest(
      model: models.count == 1 ? models[0] : nil,
      models: models.count > 1 ? models : nil,
      messages: messages, temperature: options.temperature,
      maxTokens: options.maxTokens ?? defaultMaxTokens)
  }

  private func stream(_ request: ChatRequest, json: Bool) async throws {
    var sanitizer = TextSanitizer()
    var wroteText = false
    var endsWithNewline = false
    defer {
      if wroteText && !endsWithNewline { output.write("\n") }
    }
    for try await event in client.stream(request) {
      switch event {
      case .content(let text) where !json:
        let shown = output.isTerminal ? sanitizer.feed(text) : text
        guard !shown.isEmpty else { continue }
        output.write(shown)
        wroteText = true
        endsWithNewline = shown.hasSuffix("\n")
      case .finished(let summary) where json:
        output.write(AskResult(summary: summary).jsonText() + "\n")
      default:
        continue
      }
    }
    // A cancelled consumer's loop ends quietly (AsyncThrowingStream returns nil).
    if Task.isCancelled { throw OpenRouterError.cancelled() }
  }

  private func complete(_ request: ChatRequest, json: Bool) async throws {
    let completion: OpenRouterClient.Completion
    do {
      completion = try await client.complete(request)
    } catch let error as OpenRouterError {
      if let partial = error.partialContent, !partial.isEmpty, !json { writeText(partial) }
      throw error
    }
    if json {
      let summary = OpenRouterClient.events(from: completion.response, retries: completion.retries)
        .compactMap { if case .finished(let summary) = $0 { summary } else { nil } }.first
      if let summary { output.write(AskResult(summary: summary).jsonText() + "\n") }
    } else {
      writeText(completion.response.content)
    }
  }

  private func writeText(_ text: String) {
    let shown = output.isTerminal ? TextSanitizer.sanitize(text) : text
    output.write(shown.hasSuffix("\n") || shown.isEmpty ? shown : shown + "\n")
  }
}
