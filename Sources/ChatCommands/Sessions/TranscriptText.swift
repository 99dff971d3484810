import ChatCore
import ChatDomain
import Formatting
import Foundation

/// `sessions show` in text: a header, then each message under a rule naming who wrote it.
/// Stored text is written as it is; a terminal output sanitises it (`TextOutput`).
enum TranscriptText {
  /// The active path of `messages` (every message of the session); the cost counts every
  /// reply, on every branch.
  static func render(_ session: Session, messages: [Message]) -> String {
    let transcript = SessionStore.transcript(from: messages)
    let costs = messages.compactMap { $0.usage?.cost }
    var lines = [
      session.title,
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
        lines.append("(reasoning) " + reasoning)
      }
      lines.append(message.content)
      for attachment in message.attachments {
        lines.append(
          "[\(message.role == .assistant ? "image" : "attached"): \(attachment.name) · "
            + "\(attachment.mediaType) · \(Format.byteSize(attachment.byteCount))]")
      }
      if !message.citations.isEmpty {
        // The same list `orchat ask` prints after a reply, without its leading blank line.
        lines.append(
          String(
            SourcesText.render(message.citations, forTerminal: false)
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
}
