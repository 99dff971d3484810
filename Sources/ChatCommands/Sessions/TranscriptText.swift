import ChatDomain
import ChatCore

import Formatting
import Foundation

/// `sessions show` in text: a header, then each message under a rule naming who wrote it.
/// On a terminal, stored text is sanitised like streamed text (model output may hold escape
/// sequences); through a pipe it passes unchanged.
enum TranscriptText {
  static func render(_ session: Session, _ transcript: [TranscriptEntry], on output: any TextOutput)
    -> String
  {
    let costs = transcript.flatMap { [$0.message] + $0.otherVariants }
      .compactMap { $0.usage?.cost }
    var lines = [
      visible(session.title, on: output),
      "session \(session.id) · agent \(session.agent) · created "
        + Format.time(session.createdAt)
        + " · updated \(Format.time(session.updatedAt))"
        + " · \(transcript.count) messages"
        + (costs.isEmpty ? "" : " · \(Format.cost(costs.reduce(0, +)))"),
    ]
    for entry in transcript {
      let message = entry.message
      lines.append("")
      lines.append("── \(heading(entry)) ──")
      if let reasoning = message.reasoning, !reasoning.isEmpty {
        lines.append("(reasoning) " + visible(reasoning, on: output))
      }
      lines.append(visible(message.content, on: output))
      if !message.citations.isEmpty {
        // The same list `orchat ask` prints after a reply, without its leading blank line.
        lines.append(
          String(SourcesText.render(message.citations, forTerminal: output.isTerminal)
            .dropFirst().dropLast()))
      }
      if message.status != .complete {
        lines.append("[\(message.status.rawValue)\(message.error.map { ": \($0)" } ?? "")]")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func heading(_ entry: TranscriptEntry) -> String {
    let message = entry.message
    var parts: [String]
    switch message.role {
    case .user: parts = ["you"]
    case .system: parts = ["system"]
    case .assistant:
      parts = [message.agent ?? "assistant"]
      if let model = message.servedModel ?? message.model { parts.append(model) }
    }
    parts.append(Format.time(message.createdAt))
    if let duration = message.durationMilliseconds.map({ Format.duration(milliseconds: $0) }) {
      parts.append(duration)
    }
    if let usage = message.usage {
      parts.append("\(usage.promptTokens)+\(usage.completionTokens) tokens")
      if let cost = usage.cost { parts.append(Format.cost(cost)) }
    }
    if !entry.otherVariants.isEmpty {
      parts.append("\(entry.otherVariants.count + 1) variants")
    }
    return parts.joined(separator: " · ")
  }

  /// `text` as it may be shown on `output`.
  static func visible(_ text: String, on output: any TextOutput) -> String {
    output.isTerminal ? TextSanitizer.sanitize(text) : text
  }
}
