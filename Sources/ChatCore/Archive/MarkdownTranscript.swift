import ChatDomain
import Foundation

/// A session as a readable Markdown document: YAML front matter (agent, models, tokens,
/// cost), then the transcript. For reading and sharing; the JSON export is the lossless one.
public enum MarkdownTranscript {
  public static func render(_ session: Session, transcript: [TranscriptEntry]) -> String {
    let messages = transcript.map(\.message)
    let replies = messages.filter { $0.role == .assistant }
    var models: [String] = []
    for reply in replies {
      if let model = reply.servedModel ?? reply.model, !models.contains(model) {
        models.append(model)
      }
    }
    let usages = transcript.flatMap { [$0.message] + $0.otherVariants }.compactMap(\.usage)
    let costs = usages.compactMap(\.cost)
    var lines = [
      "---",
      "id: \(session.id)",
      "title: \(quoted(session.title))",
      "agent: \(quoted(session.agent))",
      "model: \(replies.last.flatMap { $0.servedModel ?? $0.model }.map(quoted) ?? "null")",
      "models: [\(models.map(quoted).joined(separator: ", "))]",
      "created_at: \(ArchiveTime(session.createdAt))",
      "updated_at: \(ArchiveTime(session.updatedAt))",
      "messages: \(messages.count)",
      "prompt_tokens: \(usages.reduce(0) { $0.addingSaturated($1.promptTokens) })",
      "completion_tokens: \(usages.reduce(0) { $0.addingSaturated($1.completionTokens) })",
      "cost: \(costs.isEmpty ? "null" : "\(costs.reduce(0, +))")",
      "---",
      "",
      "# \(session.title)",
    ]
    for entry in transcript {
      lines.append("")
      lines.append(contentsOf: section(entry))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func section(_ entry: TranscriptEntry) -> [String] {
    let message = entry.message
    var heading: String
    switch message.role {
    case .user: heading = "You"
    case .system: heading = "System"
    case .assistant:
      heading = message.agent ?? "Assistant"
      if let model = message.servedModel ?? message.model { heading += " · \(model)" }
    }
    var lines = ["## \(heading) — \(displayTime(message.createdAt))", ""]
    if let reasoning = message.reasoning, !reasoning.isEmpty {
      lines += ["<details><summary>Reasoning</summary>", "", reasoning, "", "</details>", ""]
    }
    lines.append(message.content.isEmpty ? "_(no text)_" : message.content)
    if !message.citations.isEmpty {
      lines += ["", "Sources:", ""]
      for (index, citation) in message.citations.enumerated() {
        lines.append("\(index + 1). \(sourceLink(citation))")
      }
    }
    if message.status != .complete {
      let reason = message.error.map { ": \($0)" } ?? ""
      lines += ["", "> **\(message.status.rawValue)**\(reason)"]
    }
    if !entry.otherVariants.isEmpty {
      let count = entry.otherVariants.count
      lines += ["", "_\(count) other variant\(count == 1 ? "" : "s") of this reply not shown_"]
    }
    return lines
  }

  /// `[title](url)`, or `<url>` for an untitled source; the title's markdown brackets are
  /// escaped so it cannot end the link early.
  private static func sourceLink(_ citation: Citation) -> String {
    let title = citation.title.trimmingCharacters(in: .whitespaces)
    guard !title.isEmpty else { return "<\(citation.url)>" }
    var escaped = ""
    for character in title {
      if "[]\\".contains(character) { escaped.append("\\") }
      escaped.append(character)
    }
    return "[\(escaped)](\(citation.url))"
  }

  /// A YAML double-quoted scalar (YAML accepts JSON's escapes).
  private static func quoted(_ text: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    // Encoding a string cannot fail.
    let data = (try? encoder.encode(text)) ?? Data("\"\"".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  private static func displayTime(_ date: Date) -> String {
    let text = ArchiveTime(date).description  // 2026-05-01T09:30:00.250Z
    return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
  }
}
