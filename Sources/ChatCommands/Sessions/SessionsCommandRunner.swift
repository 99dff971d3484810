import ChatCore
import ChatDomain
import Formatting
import Foundation

/// The formats `sessions show` prints.
public enum TranscriptFormat: String, Sendable, CaseIterable {
  /// A readable transcript for the terminal.
  case text
  /// The Markdown export of the session.
  case markdown
  /// One session object of the JSON export.
  case json
}

/// Runs `orchat sessions …`. Each command returns its exit status; failures print one
/// `error:` line.
public struct SessionsCommandRunner: Sendable {
  let context: AppContext

  public init(context: AppContext = AppContext()) {
    self.context = context
  }

  /// Opens the store, runs `body`, and turns a thrown error into `error: …` and status 1.
  func withStore(_ body: (SessionStore) async throws -> Int32) async -> Int32 {
    do {
      return try await body(try await context.openStore())
    } catch {
      return context.fail(error)
    }
  }

  /// `sessions list [--search TEXT] [--limit N] [--json]`.
  public func list(search: String?, limit: Int?, json: Bool) async -> Int32 {
    await withStore { store in
      let sessions = try await store.listSessions(SessionQuery(search: search, limit: limit))
      if json {
        context.output.write(try JSONText.encode(sessions.map(SessionListItemJSON.init)))
        return 0
      }
      var table = TextTable([
        ("ID", .left), ("UPDATED", .left), ("MSGS", .right), ("COST", .right), ("AGENT", .left),
        ("TITLE", .left),
      ])
      for summary in sessions {
        let session = summary.session
        table.append([
          Format.shortID(session.id), Format.time(session.updatedAt),
          String(summary.messageCount), Format.cost(summary.cost), session.agent,
          session.title,
        ])
      }
      context.output.write(sessions.isEmpty ? "No sessions.\n" : table.text)
      return 0
    }
  }

  /// `sessions show ID|last [--format text|markdown|json]`.
  public func show(_ reference: String, format: TranscriptFormat) async -> Int32 {
    await withStore { store in
      let session = try await store.resolveSession(reference)
      switch format {
      case .json:
        let archive = try await store.exportSessions(ids: [session.id])
        context.output.write(try JSONText.encode(archive.sessions[0]))
      case .markdown:
        let messages = try await store.messages(sessionID: session.id)
        context.output.write(MarkdownTranscript.render(session, messages: messages))
      case .text:
        let messages = try await store.messages(sessionID: session.id)
        context.output.write(TranscriptText.render(session, messages: messages))
      }
      return 0
    }
  }

  /// `sessions rename ID TITLE`.
  public func rename(_ reference: String, to title: String) async -> Int32 {
    await withStore { store in
      let session = try await store.resolveSession(reference)
      try await store.renameSession(id: session.id, to: title)
      let renamed = try await store.session(id: session.id)
      context.output.write(
        "Renamed \(Format.shortID(session.id)): \(renamed?.title ?? title)\n")
      return 0
    }
  }

  /// `sessions delete ID [--yes]`: asks first unless `confirmed`; refuses to guess when
  /// no one can answer (standard input is not a terminal).
  public func delete(_ reference: String, confirmed: Bool) async -> Int32 {
    await withStore { store in
      let session = try await store.resolveSession(reference)
      let name = "\(Format.shortID(session.id)) \"\(session.title)\""
      if !confirmed {
        guard context.inputIsTerminal else {
          throw ChatError(
            .invalidInput, "not deleting session \(name) without --yes (no terminal to ask)")
        }
        context.errors.write("Delete session \(name) and all its messages? [y/N] ")
        let answer = context.readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else {
          context.errors.write("Nothing deleted.\n")
          return 1
        }
      }
      try await store.deleteSession(id: session.id)
      context.output.write("Deleted session \(name)\n")
      return 0
    }
  }
}
