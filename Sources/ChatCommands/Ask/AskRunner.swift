import ChatCore
import ChatDomain
import Foundation
import Synchronization

/// Runs `orchat ask`: one prompt, one reply, streamed to standard output and stored as an
/// exchange of a session (new, or continued with `--session`).
///
/// Text already written stays written when something fails; the failure is one line on
/// standard error (`error: <what to do>`) and exit status 1. Cancellation (Ctrl-C) exits 130
/// after the partial reply is saved. When standard output's reader goes away
/// (`orchat ask … | head -1`), the exchange is cancelled the same way (reading stops, the
/// connection closes, the reply is saved as `cancelled`) and the exit status is 141, what a
/// shell reports for a process ended by SIGPIPE.
public struct AskRunner: Sendable {
  /// The exit status when standard output closed before the reply was written.
  public static let outputClosedStatus: Int32 = 141

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
      streams: options.stream, attachments: options.attachmentFiles)
    let exchange = CancellableTask<ConversationOutcome>()
    let printer = ReplyPrinter(output: output, isJSON: options.json) { exchange.cancel() }
    let engine = engine
    let outcome = await exchange.run { await engine.run(turn) { printer.handle($0) } }
    printer.end()
    switch outcome {
    case .finished(let reply):
      let images: [String]
      do {
        images = try await saveImages(of: reply, in: options.saveImagesDirectory)
      } catch {
        errors.write("error: \(ChatError(error).userMessage)\n")
        return 1
      }
      if options.json {
        var result = AskResult(reply: reply)
        result.images = images
        output.write(result.jsonText() + "\n")
      } else {
        if !reply.citations.isEmpty {
          output.write(SourcesText.render(reply.citations, forTerminal: output.isTerminal))
        }
        // After the reply (and its sources), one path a line: `orchat ask … | tail -1`
        // gives the last image.
        for path in images { output.write(path + "\n") }
      }
      return output.isClosed ? Self.outputClosedStatus : 0
    case .cancelled:
      return output.isClosed ? Self.outputClosedStatus : 130
    case .failed(let error, _):
      errors.write("error: \(error.userMessage)\n")
      return 1
    }
  }

  /// Writes the images the reply holds into `directory` (the current directory when `nil`)
  /// as `orchat-<reply>-<n>.<ext>`, never over an existing file.
  /// - Returns: The paths written, in order.
  func saveImages(of reply: Message, in directory: String?) async throws -> [String] {
    let images = reply.attachments.filter { $0.kind == .image }
    guard !images.isEmpty else { return [] }
    let directory = directory ?? FileManager.default.currentDirectoryPath
    var paths: [String] = []
    for (index, image) in images.enumerated() {
      guard let data = try await engine.store.attachmentData(sha256: image.sha256) else { continue }
      paths.append(
        try AttachmentFiles.writeUnique(
          data, directory: directory, stem: "orchat-\(reply.id.prefix(8))-\(index + 1)",
          extension: image.preferredExtension))
    }
    return paths
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

/// Work in a task of its own that something other than the caller can cancel (the reply
/// printer, when standard output closes), and that the caller's cancellation (Ctrl-C)
/// cancels too. A `cancel()` before the task has started cancels it as it starts.
final class CancellableTask<Value: Sendable>: Sendable {
  private let state = Mutex<(task: Task<Value, Never>?, isCancelled: Bool)>((nil, false))

  func run(_ body: @escaping @Sendable () async -> Value) async -> Value {
    let task = Task { await body() }
    let cancelled = state.withLock { state in
      state.task = task
      return state.isCancelled
    }
    if cancelled { task.cancel() }
    return await withTaskCancellationHandler {
      await task.value
    } onCancel: {
      task.cancel()
    }
  }

  func cancel() {
    let task = state.withLock { state in
      state.isCancelled = true
      return state.task
    }
    task?.cancel()
  }
}
