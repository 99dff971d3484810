import CWidth
import ChatCore
import ChatDomain
import Formatting
import Foundation
import Synchronization

/// Runs `orchat compare`: one prompt to 2 to 4 models at once, saved as one session whose
/// question has each model's reply as a variant (the first model's chosen, or the first in
/// order that finished when it did not).
///
/// On a terminal every reply streams at once into a block of labelled sections redrawn ten
/// times a second; when all have ended the block gives way to the whole replies, one
/// labelled section each. Through a pipe the sections are printed when all are done; with
/// `--json`, an array of the `ask --json` objects in the order given (each with
/// `requested_model` and `error`). A failed model is one line on standard error.
///
/// Exit status: 0 when at least one reply finished, 1 when none did (or the compare could
/// not start), 130 when interrupted.
public struct CompareRunner: Sendable {
  /// How often the live block is redrawn.
  static let redrawInterval: Duration = .milliseconds(100)

  let engine: ConversationEngine
  let output: any TextOutput
  let errors: any TextOutput
  /// Columns and rows of the terminal, for the live block; `nil`: 80×24.
  let terminalSize: (columns: Int, rows: Int)?

  public init(
    engine: ConversationEngine, output: any TextOutput, errors: any TextOutput,
    terminalSize: (columns: Int, rows: Int)? = nil
  ) {
    self.engine = engine
    self.output = output
    self.errors = errors
    self.terminalSize = terminalSize
  }

  /// - Returns: the process exit status.
  public func run(_ options: CompareOptions, agent: Agent, sessionID: String?) async -> Int32 {
    let turn = CompareTurn(
      sessionID: sessionID, agent: agent,
      overrides: ConversationOverrides(
        temperature: options.temperature, systemPrompt: options.system,
        maxTokens: options.maxTokens, webSearch: options.webSearch),
      text: options.prompt, models: options.models)
    let board = Board(models: options.models)
    let isLive = output.isTerminal && !options.json
    let size = terminalSize ?? (80, 24)
    let view = CompareLiveView(columns: size.columns, rows: size.rows)
    let output = output
    let ticker: Task<Void, Never>? =
      isLive
      ? Task {
        _ = orchat_ensure_utf8_ctype()
        output.writeComposed("\u{1B}[?25l")  // no cursor flickering through the block
        var shown = 0
        var frame = 0
        while !Task.isCancelled {
          frame += 1
          if let sections = board.sectionsIfChanged(spinner: frame) {
            shown = Self.redraw(view.lines(sections), over: shown, on: output)
          }
          try? await Task.sleep(for: Self.redrawInterval)
        }
        Self.erase(shown, on: output)
        output.writeComposed("\u{1B}[?25h")
      } : nil
    let engine = engine
    let result = await engine.runCompare(turn) { index, event in
      board.handle(index, event)
    } onOutcome: { index, outcome in
      board.end(index, outcome)
    }
    let interrupted = Task.isCancelled
    ticker?.cancel()
    await ticker?.value
    let outcomes: [ConversationOutcome]
    switch result {
    case .failure(let error):
      if interrupted || error.kind == .cancelled { return 130 }
      errors.write("error: \(error.userMessage)\n")
      return 1
    case .success((_, let list)):
      outcomes = list
    }
    for (model, outcome) in zip(options.models, outcomes) {
      if case .failed(let error, let reply) = outcome {
        errors.write("error: \(model): \(reply?.error ?? error.userMessage)\n")
      }
    }
    if options.json {
      let objects = zip(options.models, outcomes).map { model, outcome in
        Self.result(model, outcome).jsonText()
      }
      output.write("[" + objects.joined(separator: ",") + "]\n")
    } else {
      for (index, (model, outcome)) in zip(options.models, outcomes).enumerated() {
        output.writeComposed(Self.heading(index, model, outcome) + "\n\n")
        if let text = outcome.reply?.content, !text.isEmpty {
          output.write(text.hasSuffix("\n") ? text : text + "\n")
        }
        output.write("\n")
      }
    }
    if interrupted { return 130 }
    let finished = outcomes.contains { if case .finished = $0 { true } else { false } }
    return finished ? 0 : 1
  }

  /// `## 2. anthropic/claude-sonnet-4.5 — done · 412 tok · $0.0003 · 0.4 s to first token`.
  static func heading(_ index: Int, _ model: String, _ outcome: ConversationOutcome) -> String {
    TextSanitizer.sanitize("## \(index + 1). \(model) — " + summary(outcome, requested: model))
  }

  /// `done · 412 tok · $0.0003 · 0.4 s to first token`: how a reply ended.
  static func summary(_ outcome: ConversationOutcome, requested model: String) -> String {
    var parts: [String] = []
    let reply = outcome.reply
    switch outcome {
    case .finished: parts.append("done")
    case .cancelled: parts.append("stopped")
    case .failed: parts.append("error")
    }
    if let served = reply?.servedModel, served != model { parts.append("answered by \(served)") }
    if let usage = reply?.usage {
      parts.append("\(Format.tokens(usage.completionTokens)) tok")
      if let cost = usage.cost { parts.append(Format.cost(cost)) }
    }
    if let ttft = reply?.timeToFirstTokenMilliseconds {
      parts.append("\(Format.duration(milliseconds: ttft)) to first token")
    }
    return parts.joined(separator: " · ")
  }

  /// The `ask --json` object of one model's reply, with the model asked and its error.
  static func result(_ model: String, _ outcome: ConversationOutcome) -> AskResult {
    let failure: String? =
      if case .failed(let error, let reply) = outcome { reply?.error ?? error.userMessage } else {
        nil
      }
    guard let reply = outcome.reply else {
      return AskResult(noReplyTo: model, error: failure ?? "the reply did not start")
    }
    var result = AskResult(reply: reply)
    result.comparison = (model, failure)
    return result
  }

  /// Writes `lines` in place of the `shown` lines written before; returns how many are
  /// shown now.
  static func redraw(_ lines: [String], over shown: Int, on output: any TextOutput) -> Int {
    var text = shown > 0 ? "\u{1B}[\(shown)A\r\u{1B}[J" : ""
    for line in lines { text += line + "\n" }
    output.writeComposed(text)
    return lines.count
  }

  static func erase(_ shown: Int, on output: any TextOutput) {
    guard shown > 0 else { return }
    output.writeComposed("\u{1B}[\(shown)A\r\u{1B}[J")
  }

  /// What has arrived of each reply, shared by the engine's tasks (which add) and the
  /// redraw (which reads).
  final class Board: Sendable {
    private struct Column {
      var model: String
      var text = ""
      var tokens = 0
      var servedModel: String?
    }

    private struct State {
      var columns: [Column]
      /// How each ended reply ended, in a few words.
      var ended: [Int: String] = [:]
      var revision = 0
      var shownRevision = -1
    }

    private let state: Mutex<State>

    init(models: [String]) {
      state = Mutex(State(columns: models.map { Column(model: $0) }))
    }

    func handle(_ index: Int, _ event: ConversationEvent) {
      state.withLock { state in
        switch event {
        case .content(let text):
          state.columns[index].text += text
          state.columns[index].tokens += 1
        case .served(let model, _):
          state.columns[index].servedModel = model
        default:
          return
        }
        state.revision += 1
      }
    }

    func end(_ index: Int, _ outcome: ConversationOutcome) {
      state.withLock { state in
        state.ended[index] = CompareRunner.summary(outcome, requested: state.columns[index].model)
        state.revision += 1
      }
    }

    /// The sections to draw, or `nil` when nothing changed since the last call (the spinner
    /// turns anyway every few calls).
    func sectionsIfChanged(spinner frame: Int) -> [CompareLiveView.Section]? {
      state.withLock { state in
        guard state.revision != state.shownRevision || frame % 3 == 0 else { return nil }
        state.shownRevision = state.revision
        let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"][frame / 3 % 10]
        return state.columns.enumerated().map { index, column in
          CompareLiveView.Section(
            label: "\(index + 1) \(column.model)",
            state: state.ended[index] ?? "\(spinner) \(column.tokens) tok", text: column.text)
        }
      }
    }
  }
}
