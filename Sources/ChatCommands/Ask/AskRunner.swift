import ChatDomain
import ChatCore
import Foundation

/// Runs `orchat ask`: one prompt, one reply, streamed to standard output and stored as an
/// exchange of a session (new, or continued with `--session`).
///
/// Text already written stays written when something fails; the failure is one line on
/// standard error (`error: <what to do>`) and exit status 1. Cancellation (Ctrl-C) exits 130
/// after the partial reply is saved.
public struct AskRunner: Sendable {
  let engine: ConversationEngine
  let output: any TextOutput
  let errors: any TextOutput

  public init(engine: ConversationEngine, output: any TextOutput, errors: any TextOutput) {
    self.engine = engine
    self.output = output
    self.errors = errors
  }

  /// - Parameters:
  ///   - agent: The agent to ask.
  ///   - sessionID: The session to continue, `nil` for a new one.
  /// - Returns: the process exit status.
  public func run(_ options: AskOptions, agent: Agent, sessionID: String?) async -> Int32 {
    let turn = ConversationTurn(
      sessionID: sessionID, agent: agent, overrides: Self.overrides(options), text: options.prompt,
      streams: options.stream)
    let printer = ReplyPrinter(output: output, isJSON: options.json)
    let outcome = await engine.run(turn) { printer.handle($0) }
    printer.end()
    switch outcome {
    case .finished(let reply):
      if options.json {
        output.write(AskResult(reply: reply).jsonText() + "\n")
      } else if !reply.citations.isEmpty {
        output.write(SourcesText.render(reply.citations, forTerminal: output.isTerminal))
      }
      return 0
    case .cancelled:
      return 130
    case .failed(let error, _):
      errors.write("error: \(error.userMessage)\n")
      return 1
    }
  }

  /// `--model` (repeated: a fallback list), `--temperature`, `--max-tokens` and `--system`
  /// replace the agent's settings.
  static func overrides(_ options: AskOptions) -> ConversationOverrides {
    ConversationOverrides(
      model: options.models.first,
      fallbackModels: options.models.isEmpty ? nil : Array(options.models.dropFirst()),
      temperature: options.temperature, systemPrompt: options.system,
      maxTokens: options.maxTokens, webSearch: options.webSearch)
  }
}
