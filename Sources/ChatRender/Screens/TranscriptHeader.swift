import ChatDomain
import ChatUI
import Formatting
import Foundation

/// The header line of a message: who wrote it, with which model, when, and what it cost.
///
/// `you · 14:02`; `coder · anthropic/claude-sonnet-4.5 · Anthropic · 14:02 · 412 tok ·
/// $0.0003 · 0.4 s to first token`; while streaming, `coder · model · streaming ⠹ 84 tok/s`.
/// A preset shows as asked, then the model that answered: `@preset/fast → openai/gpt-4o`.
/// The provider's name comes from the stream and is sanitised. Search and caching figures
/// have a line of their own (`TranscriptItem.usageDetails`).
enum TranscriptHeader {
  static let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

  static func spans(for item: TranscriptItem, index: Int, state: AppState) -> [StyledSpan] {
    let message = item.message
    var spans: [StyledSpan] = []
    func add(_ text: String, _ role: StyleRole = .transcriptHeader) {
      spans.append(StyledSpan(" · ", role: .transcriptHeader))
      spans.append(StyledSpan(text, role: role))
    }
    guard message.role == .assistant else {
      spans.append(StyledSpan("you", role: .transcriptUser))
      // An edited message: which of its branches this is.
      if item.variantCount > 1 { add("‹\(item.variantNumber)/\(item.variantCount)›") }
      add(Format.clock(message.createdAt, zone: state.zone))
      return spans
    }
    spans.append(StyledSpan(message.agent ?? "assistant", role: .transcriptAssistant))
    if let requested = message.model, ModelID.isPreset(requested) {
      add(requested + (message.servedModel.map { " → \($0)" } ?? ""))
    } else if let model = message.servedModel ?? message.model {
      add(model)
    }
    if let provider = message.provider.map(providerName), !provider.isEmpty { add(provider) }
    if item.variantCount > 1 { add("‹\(item.variantNumber)/\(item.variantCount)›") }
    if case .streaming(let reply) = state.completion, reply.replyID == message.id {
      var text = "streaming \(spinner[state.spinnerFrame % spinner.count])"
      if let rate = reply.shownTokensPerSecond { text += String(format: " %.0f tok/s", rate) }
      add(text, .statusWarning)
      return spans
    }
    if case .cancelling(_, let replyID, _) = state.completion, replyID == message.id {
      add("stopping…", .statusWarning)
      return spans
    }
    add(Format.clock(message.createdAt, zone: state.zone))
    if let usage = message.usage {
      add("\(Format.tokens(usage.completionTokens)) tok")
      if let cost = usage.cost { add(Format.cost(cost)) }
    }
    if let ttft = message.timeToFirstTokenMilliseconds {
      add("\(Format.duration(milliseconds: ttft)) to first token")
    }
    return spans
  }

  /// A provider's name as shown: sanitised, on one line, at most 32 characters.
  static func providerName(_ name: String) -> String {
    let clean = TextSanitizer.sanitize(name)
      .split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    return clean.count > 32 ? String(clean.prefix(31)) + "…" : clean
  }

  /// The reasoning toggle: `▸ thinking (312 tokens)`.
  static func reasoningToggle(for item: TranscriptItem) -> String {
    let arrow = item.isReasoningExpanded ? "▾" : "▸"
    if let tokens = item.message.usage?.reasoningTokens, tokens > 0 {
      return "\(arrow) thinking (\(Format.tokens(tokens)) tokens)"
    }
    let words = item.message.reasoning?.split(whereSeparator: \.isWhitespace).count ?? 0
    return "\(arrow) thinking (\(words) words)"
  }
}
