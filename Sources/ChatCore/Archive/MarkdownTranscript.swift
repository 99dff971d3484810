import ChatDomain
import Foundation

/// A session as a readable Markdown document: YAML front matter (agent, models, tokens,
/// cost), then the transcript. For reading and sharing; the JSON export is the lossless one.
public enum MarkdownTranscript {
  /// - Parameter attachmentFolder: Where the attachments are written, relative to the
  ///   document (`attachmentFiles` lists them): each is linked there. `nil` names them only.
  public static func render(
    _ session: Session, transcript: [TranscriptEntry], attachmentFolder: String? = nil
  ) -> String {
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
      lines.append(contentsOf: section(entry, attachmentFolder: attachmentFolder))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func section(_ entry: TranscriptEntry, attachmentFolder: String?) -> [String] {
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
    if !message.content.isEmpty || message.attachments.isEmpty {
      lines.append(message.content.isEmpty ? "_(no text)_" : message.content)
    }
    for (index, attachment) in message.attachments.enumerated() {
      let label = markdownEscaped(safeFileName(attachment.name))
      guard let folder = attachmentFolder else {
        lines += ["", "📎 \(label)"]
        continue
      }
      let target = folder + "/" + attachmentFileName(message: message, index: index)
      let link = "<\(target.replacingOccurrences(of: ">", with: "%3E"))>"
      lines += ["", (attachment.kind == .image ? "!" : "📎 ") + "[\(label)](\(link))"]
    }
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

  /// The attachments of the transcript's messages as the files to write beside the
  /// document: a file name in the attachment folder and the content's SHA-256.
  public static func attachmentFiles(_ transcript: [TranscriptEntry]) -> [(
    fileName: String, sha256: String
  )] {
    transcript.flatMap { entry in
      entry.message.attachments.enumerated().map { index, attachment in
        (attachmentFileName(message: entry.message, index: index), attachment.sha256)
      }
    }
  }

  /// `<session>-<position>-<n>-<name>`: unique within an export, and a plain file name
  /// whatever the attachment was called.
  static func attachmentFileName(message: Message, index: Int) -> String {
    "\(message.sessionID.prefix(8))-\(message.position + 1)-\(index + 1)-"
      + safeFileName(message.attachments[index].name)
  }

  /// A name that is one plain path component: no slashes, control characters, leading dots
  /// or spaces, at most 100 characters; `attachment` when nothing is left.
  public static func safeFileName(_ name: String) -> String {
    var result = ""
    for scalar in name.unicodeScalars {
      if scalar == "/" || scalar == "\\" || scalar.properties.generalCategory == .control
        || scalar.properties.generalCategory == .format
      {
        result.unicodeScalars.append("_")
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    while result.hasPrefix(".") || result.hasPrefix(" ") || result.hasPrefix("-") {
      result.removeFirst()
    }
    result = String(result.prefix(100))
    return result.isEmpty ? "attachment" : result
  }

  private static func markdownEscaped(_ text: String) -> String {
    var result = ""
    for character in text {
      if "\\`*_[]<>()#!|".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
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
