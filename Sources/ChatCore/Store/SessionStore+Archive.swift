import ChatDomain
import Formatting
import Foundation
import GRDB

extension SessionStore {
  /// The sessions `ids` (in that order) as an export, read in one snapshot. Replies whose
  /// writer died are `interrupted` (see `messages(sessionID:)`), so exporting, importing and
  /// exporting again gives the same bytes.
  /// - Throws: `notFound` when an id is unknown.
  public func exportSessions(ids: [String]) async throws -> SessionArchive {
    try await recoverAbandonedReplies()
    return try await read("export sessions") { db in
      let sessions = try ids.map { id in
        guard let record = try SessionRecord.fetchOne(db, key: id) else {
          throw ChatError.notFound("no session \"\(id)\"")
        }
        return try Self.archived(record.session, db)
      }
      return SessionArchive(sessions: sessions)
    }
  }

  /// Every session, archived ones included, oldest first.
  public func exportAllSessions() async throws -> SessionArchive {
    try await recoverAbandonedReplies()
    return try await read("export sessions") { db in
      SessionArchive(sessions: try Self.allSessions(db).map { try Self.archived($0, db) })
    }
  }

  /// Every session, archived ones included, oldest first: what an export of all holds, in
  /// its order, without the messages.
  public func allSessions() async throws -> [Session] {
    try await read("list sessions") { db in try Self.allSessions(db) }
  }

  private static func allSessions(_ db: Database) throws -> [Session] {
    try SessionRecord.fetchAll(db, sql: "SELECT * FROM session ORDER BY created_at, id")
      .map(\.session)
  }

  private static func archived(_ session: Session, _ db: Database) throws -> ArchivedSession {
    let all = try messages(sessionID: session.id, db)
    let entries = transcript(from: all)
    let files = try attachmentData(hashes: Set(all.flatMap { $0.attachments.map(\.sha256) }), db)
    var listed = Set<String>()
    for entry in entries {
      listed.insert(entry.message.id)
      for variant in entry.otherVariants { listed.insert(variant.id) }
    }
    return ArchivedSession(
      id: session.id, title: session.title, createdAt: ArchiveTime(session.createdAt),
      updatedAt: ArchiveTime(session.updatedAt), agent: session.agent,
      archived: session.isArchived,
      messages: entries.map {
        ArchivedMessage($0.message, variants: $0.otherVariants, files: files)
      },
      branches: all.filter { !listed.contains($0.id) }.map {
        ArchivedMessage($0, variants: [], files: files)
      })
  }

  /// Restores the sessions of an export exactly (ids, times, every message field, variants),
  /// all in one transaction: if anything is wrong, nothing is written.
  /// - Returns: The sessions imported.
  /// - Throws: `ChatError` of kind `invalidImport` (naming the session or message) for
  ///   duplicate or existing ids and bad values; `storage` when writing fails.
  public func importSessions(_ archive: SessionArchive) async throws -> [Session] {
    // The attachments are decoded and checked once, here, outside the write transaction.
    let files = try Self.validate(archive)
    return try await write("import sessions") { db in
      try archive.sessions.map { archived in
        guard try !SessionRecord.exists(db, key: archived.id) else {
          throw ChatError.invalidImport(
            "session \(archived.id) already exists; delete it first to import it again")
        }
        // Titles are stored clean (`SessionTitle`); an export of orchat's own has clean
        // titles already, so export → import → export is unchanged.
        let session = Session(
          id: archived.id,
          title: SessionTitle.normalized(archived.title) ?? SessionTitle.untitled,
          agent: archived.agent,
          isArchived: archived.archived, createdAt: archived.createdAt.date,
          updatedAt: archived.updatedAt.date)
        try SessionRecord(session).insert(db)
        for message in Self.tree(of: archived, sessionID: session.id) {
          do {
            try MessageRecord(message).insert(db)
            try Self.saveCitations(message.citations, messageID: message.id, db)
          } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw ChatError.invalidImport(
              "message \(message.id) of session \(session.id) already exists")
          }
          try Self.saveAttachments(files[message.id] ?? [], messageID: message.id, db)
        }
        try Self.refreshMessageCount(sessionID: session.id, db)
        return session
      }
    }
  }

  /// The messages of an archived session as stored, parents before children: the active
  /// path with each message's variants, then the other branches. In a version 1 file the
  /// messages follow one another and each one's variants share its parent.
  private static func tree(of archived: ArchivedSession, sessionID: String) -> [Message] {
    var stored: [Message] = []
    var depth: [String: Int] = [:]
    var previous: String?
    for (position, entry) in archived.messages.enumerated() {
      for (index, message) in ([entry] + entry.variants).enumerated() {
        stored.append(
          message.message(
            sessionID: sessionID, position: position, parentID: previous, isSelected: index == 0))
        depth[message.id] = position
      }
      previous = entry.id
    }
    for message in archived.branches {
      let position = message.parentID.flatMap { depth[$0] }.map { $0 + 1 } ?? 0
      depth[message.id] = position
      stored.append(
        message.message(
          sessionID: sessionID, position: position, parentID: message.parentID,
          isSelected: message.isSelected ?? false))
    }
    return stored
  }

  /// Checks what the schema cannot: unique, non-empty ids; titles; variants not nested;
  /// a tree that holds together (each message after the one its `parent_id` names, which
  /// is listed before it; one selected message at each place); source URLs that are safe
  /// to link; attachments whose bytes match their hash and kind.
  /// - Returns: The checked attachment files, by message id.
  private static func validate(_ archive: SessionArchive) throws -> [String: [AttachmentFile]] {
    var files: [String: [AttachmentFile]] = [:]
    var sessionIDs: Set<String> = []
    var messageIDs: Set<String> = []
    for (index, session) in archive.sessions.enumerated() {
      let location = "sessions[\(index)]"
      guard !session.id.isEmpty, sessionIDs.insert(session.id).inserted else {
        throw ChatError.invalidImport("\(location).id: empty or repeated (\"\(session.id)\")")
      }
      guard SessionTitle.normalized(session.title) != nil else {
        throw ChatError.invalidImport("\(location).title: empty")
      }
      var known: Set<String> = []
      var selectedAt: [String: Int] = [:]
      var previous: String?
      func check(_ candidate: ArchivedMessage, path: String, isVariant: Bool) throws {
        guard !candidate.id.isEmpty, messageIDs.insert(candidate.id).inserted else {
          throw ChatError.invalidImport("\(path).id: empty or repeated (\"\(candidate.id)\")")
        }
        guard !isVariant || candidate.variants.isEmpty else {
          throw ChatError.invalidImport("\(path).variants: a variant cannot have variants")
        }
        // Sources are linked and copied: only what orchat itself would have stored.
        for (number, citation) in candidate.citations.enumerated()
        where LinkSanitizer.httpURL(citation.url) != citation.url {
          throw ChatError.invalidImport(
            "\(path).citations[\(number)].url: not a plain http or https URL")
        }
        if !candidate.attachments.isEmpty {
          files[candidate.id] = try candidate.attachments.enumerated().map { index, attachment in
            try attachment.file(at: "\(path).attachments[\(index)]")
          }
        }
        known.insert(candidate.id)
      }
      for (position, message) in session.messages.enumerated() {
        for (variantIndex, candidate) in ([message] + message.variants).enumerated() {
          let path =
            "\(location).messages[\(position)]"
            + (variantIndex == 0 ? "" : ".variants[\(variantIndex - 1)]")
          if let parent = candidate.parentID, parent != previous {
            throw ChatError.invalidImport(
              "\(path).parent_id: not the message before it in messages (\"\(parent)\")")
          }
          if candidate.isSelected == (variantIndex != 0) {
            throw ChatError.invalidImport(
              "\(path).selected: a message of the transcript is selected, its variants are not")
          }
          try check(candidate, path: path, isVariant: variantIndex > 0)
        }
        selectedAt[previous ?? "", default: 0] += 1
        previous = message.id
      }
      for (number, branch) in session.branches.enumerated() {
        let path = "\(location).branches[\(number)]"
        if let parent = branch.parentID, !known.contains(parent) {
          throw ChatError.invalidImport(
            "\(path).parent_id: no message \"\(parent)\" before it in this session")
        }
        try check(branch, path: path, isVariant: true)
        if branch.isSelected == true {
          let place = branch.parentID ?? ""
          selectedAt[place, default: 0] += 1
          guard selectedAt[place] == 1 else {
            throw ChatError.invalidImport(
              "\(path).selected: another message after the same parent is selected")
          }
        }
      }
    }
    return files
  }
}
