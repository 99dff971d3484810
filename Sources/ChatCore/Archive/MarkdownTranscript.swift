import ChatDomain
import Foundation

/// A session as a readable Markdown document: YAML front matter (agent, models, tokens,
/// cost), then the transcript (the active path), then the other branches. For reading and
/// sharing; the JSON export is the lossless one.
public enum MarkdownTranscript {
  /// The whole session: the active path, then each other branch.
  /// - Parameters:
  ///   - messages: Every message of the session (`SessionStore.messages`), ordered by depth,
  ///     then age.
  ///   - attachmentFolder: Where the attachments are written, relative to the document
  ///     (`attachmentFiles` lists them): each is linked there. `nil` names them only.
  public static func render(
    _ session: Session, messages all: [Message], attachmentFolder: String? = nil
  ) -> String {
    let transcript = SessionStore.transcript(from: all)
    let path = transcript.map(\.message)
    let branches = Branches(all, path: path)
    var lines = document(session, path: path, usages: all.compactMap(\.usage))
    for message in path {
      lines.append("")
      lines += section(message, level: "##", onPath: true, attachmentFolder: attachmentFolder)
      lines += branches.note(for: message)
    }
    guard !branches.chains.isEmpty else { return lines.joined(separator: "\n") + "\n" }
    lines += ["", "---", "", "# Other branches"]
    for (index, chain) in branches.chains.enumerated() {
      lines += ["", "## Branch \(index + 1) · \(branches.origin(of: chain))"]
      for message in chain {
        lines.append("")
        lines += section(message, level: "###", onPath: false, attachmentFolder: attachmentFolder)
        lines += branches.note(for: message)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The front matter and the title.
  private static func document(_ session: Session, path messages: [Message], usages: [TokenUsage])
    -> [String]
  {
    let replies = messages.filter { $0.role == .assistant }
    var models: [String] = []
    for reply in replies {
      if let model = reply.servedModel ?? reply.model, !models.contains(model) {
        models.append(model)
      }
    }
    let costs = usages.compactMap(\.cost)
    return [
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
  }

  /// The branches off the active path as chains: each starts at a message that is not
  /// selected at its place and runs down the selected (else newest) child of each message.
  /// A chain's own other variants start later chains, so every message is in exactly one.
  private struct Branches {
    var chains: [[Message]] = []
    /// Where each message is: `nil` on the path, else its chain's number (from 1).
    private var chainOf: [String: Int] = [:]
    /// The chains that start among the variants of each message's place, by message id.
    private var startsBeside: [String: [Int]] = [:]

    init(_ all: [Message], path: [Message]) {
      let tree = MessageTree(all)
      var shown = Set(path.map(\.id))
      var queue = path
      var next = 0
      while next < queue.count {
        let message = queue[next]
        next += 1
        for sibling in tree.children(of: message.parentID) ?? [] where !shown.contains(sibling.id) {
          var chain = [sibling]
          shown.insert(sibling.id)
          while let children = tree.children(of: chain[chain.count - 1].id), !children.isEmpty {
            let child = children.last(where: \.isSelected) ?? children[children.count - 1]
            guard shown.insert(child.id).inserted else { break }
            chain.append(child)
          }
          chains.append(chain)
          startsBeside[message.id, default: []].append(chains.count)
          for member in chain { chainOf[member.id] = chains.count }
          queue += chain
        }
      }
    }

    /// `_Other variants here: branches 1, 2 (below)_` under a message whose place has more.
    func note(for message: Message) -> [String] {
      guard let numbers = startsBeside[message.id], !numbers.isEmpty else { return [] }
      let names = numbers.map(String.init).joined(separator: ", ")
      return [
        "",
        "_Other variant\(numbers.count == 1 ? "" : "s") here: "
          + "branch\(numbers.count == 1 ? "" : "es") \(names) (below)_",
      ]
    }

    /// `instead of message 3`, or `instead of message 5 of branch 2`.
    func origin(of chain: [Message]) -> String {
      guard let first = chain.first else { return "" }
      var text = "instead of message \(first.position + 1)"
      if let parent = first.parentID, let number = chainOf[parent] {
        text += " of branch \(number)"
      }
      return text
    }
  }

  private static func section(
    _ message: Message, level: String, onPath: Bool, attachmentFolder: String?
  ) -> [String] {
    var heading: String
    switch message.role {
    case .user: heading = "You"
    case .system: heading = "System"
    case .assistant:
      heading = message.agent ?? "Assistant"
      if let model = message.servedModel ?? message.model { heading += " · \(model)" }
    }
    var lines = ["\(level) \(heading) — \(displayTime(message.createdAt))", ""]
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
      let target =
        folder + "/" + attachmentFileName(message: message, index: index, onPath: onPath)
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
    return lines
  }

  /// The attachments of every message of a session (all branches) as the files to write
  /// beside the document: a file name in the attachment folder and the content's SHA-256.
  public static func attachmentFiles(messages all: [Message]) -> [(
    fileName: String, sha256: String
  )] {
    let path = Set(SessionStore.transcript(from: all).map(\.message.id))
    return all.flatMap { message in
      message.attachments.enumerated().map { index, attachment in
        (
          attachmentFileName(message: message, index: index, onPath: path.contains(message.id)),
          attachment.sha256
        )
      }
    }
  }

  /// `<session>-<position>-<n>-<name>` (off the active path
  /// `<session>-<position>-<message>-<n>-<name>`): unique within an export, and a plain file
  /// name whatever the attachment was called.
  static func attachmentFileName(message: Message, index: Int, onPath: Bool = true) -> String {
    "\(message.sessionID.prefix(8))-\(message.position + 1)-"
      + (onPath ? "" : "\(message.id.prefix(8))-") + "\(index + 1)-"
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
