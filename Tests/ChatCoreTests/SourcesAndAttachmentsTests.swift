import ChatDomain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import ChatCore

/// Web sources and attachments together: both migrations on every kind of older database,
/// and a session whose messages carry files and sources through export and import.
@Suite struct SourcesAndAttachmentsTests {
  static func file(_ name: String, _ data: Data) throws -> AttachmentFile {
    try #require(AttachmentSniffer.attachment(name: name, data: data))
  }

  /// A database as the attachments branch wrote it before it met sources: `v1` and
  /// `v2-attachments` applied, `v2-sources` not; a question with a picture.
  @Test func aDatabaseWithAttachmentsButNoSourcesGainsSourcesAndKeepsItsFiles() async throws {
    let directory = try TemporaryDirectory()
    let url = directory.appending("data/orchat.sqlite")
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let picture = try Self.file("photo.png", SampleFiles.png())
    do {
      let queue = try DatabaseQueue(path: url.path)
      try SessionStore.migrator.migrate(queue, upTo: "v1")
      try await queue.write { db in
        try db.execute(sql: SessionStore.attachmentTables)
        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-attachments')")
        try db.execute(
          sql: """
            INSERT INTO session (id, title, agent, created_at, updated_at)
            VALUES ('s-files', 'Files first', 'assistant', 1770000000000, 1770000001000);
            INSERT INTO message (id, session_id, position, selected, role, content, agent,
              model, status, created_at)
            VALUES ('m-q', 's-files', 0, 1, 'user', 'What is this?', 'assistant',
              'openai/gpt-5', 'complete', 1770000000000);
            """)
        try SessionStore.saveAttachments([picture], messageID: "m-q", db)
      }
    }
    let store = try await SessionStore.open(at: url, leasesDirectory: directory.appending("leases"))
    let applied = try await store.pool.read { try SessionStore.migrator.appliedMigrations($0) }
    #expect(Set(applied) == ["v1", "v2-sources", "v2-attachments", "v3-tree"])
    let question = try #require(try await store.messages(sessionID: "s-files").first)
    #expect(question.attachments == [picture.attachment])
    #expect(question.citations == [])
    #expect(try await store.attachmentData(sha256: picture.attachment.sha256) == SampleFiles.png())
  }

  /// A question with two files, a reply with sources and a picture the model made: the
  /// export has both keys on each message, and export → import → export gives the same bytes.
  @Test func filesAndSourcesSurviveExportAndImportTogether() async throws {
    let fixture = try await StoreFixture()
    let store = fixture.store
    let base = Date(timeIntervalSince1970: 1_770_000_000.5)
    let session = try await store.createSession(title: "Both", agent: "assistant", at: base)
    let files = [
      try Self.file("diagram.png", SampleFiles.png()), try Self.file("spec.pdf", SampleFiles.pdf()),
    ]
    _ = try await store.appendUserMessage(
      sessionID: session.id, content: "Compare these with the docs", agent: "assistant",
      model: "google/gemini-2.5-flash-image", attachments: files, at: base)
    var reply = try await store.startReply(
      sessionID: session.id, agent: "assistant", model: "google/gemini-2.5-flash-image",
      at: base + 1)
    reply.content = "They agree.[1]"
    reply.status = .complete
    reply.provider = "Google"
    reply.citations = [
      Citation(
        url: "https://www.swift.org/documentation/", title: "Docs", startIndex: 0, endIndex: 11),
      Citation(url: "https://example.org/", title: ""),
    ]
    let made = try Self.file("image-1.png", SampleFiles.png())
    try await store.finishReply(reply, images: [made], at: base + 2)

    let transcript = try await store.transcript(sessionID: session.id)
    #expect(transcript[0].message.attachments.map(\.name) == ["diagram.png", "spec.pdf"])
    #expect(transcript[1].message.attachments.map(\.name) == ["image-1.png"])
    #expect(transcript[1].message.citations.count == 2)
    // The PNG is stored once though two messages hold it.
    #expect(try await store.storedAttachmentCount() == 2)

    let exported = try await store.exportSessions(ids: [session.id]).encoded()
    let object = try JSONSerialization.jsonObject(with: exported) as? [String: Any]
    let messages = try #require(
      (object?["sessions"] as? [[String: Any]])?.first?["messages"] as? [[String: Any]])
    #expect((messages[0]["attachments"] as? [Any])?.count == 2)
    #expect((messages[0]["citations"] as? [Any])?.isEmpty == true)
    #expect((messages[1]["attachments"] as? [Any])?.count == 1)
    #expect((messages[1]["citations"] as? [Any])?.count == 2)

    let elsewhere = try await StoreFixture()
    _ = try await elsewhere.store.importSessions(SessionArchive.decode(exported))
    #expect(try await elsewhere.store.exportSessions(ids: [session.id]).encoded() == exported)
    #expect(try await elsewhere.store.transcript(sessionID: session.id) == transcript)

    let markdown = MarkdownTranscript.render(
      session, messages: try await store.messages(sessionID: session.id), attachmentFolder: "f")
    let answer = try #require(markdown.range(of: "They agree.[1]"))
    let image = try #require(markdown.range(of: "![image-1.png]"))
    let sources = try #require(markdown.range(of: "Sources:"))
    #expect(answer.upperBound <= image.lowerBound && image.upperBound <= sources.lowerBound)
  }
}
