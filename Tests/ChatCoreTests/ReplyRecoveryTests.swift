import ChatDomain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import ChatCore

/// Replies left `streaming` by a process that died, and replies another live process is
/// still streaming.
@Suite struct ReplyRecoveryTests {
  let fixture: StoreFixture
  var store: SessionStore { fixture.store }

  init() async throws {
    fixture = try await StoreFixture()
  }

  @Test func checkpointsSaveTheTextSoFarAndStopAtTheEnd() async throws {
    let session = try await fixture.session("S", messages: ["q"])
    var reply = try await store.startReply(sessionID: session.id, agent: "a", model: "m")
    #expect(reply.status == .streaming)
    try await store.checkpointReply(id: reply.id, content: "Hel", reasoning: "thinking")
    var saved = try #require(try await store.messages(sessionID: session.id).last)
    #expect(saved.content == "Hel")
    #expect(saved.reasoning == "thinking")
    reply.content = "Hello"
    reply.status = .complete
    try await store.finishReply(reply)
    try await store.checkpointReply(id: reply.id, content: "stale", reasoning: nil)
    saved = try #require(try await store.messages(sessionID: session.id).last)
    #expect(saved.content == "Hello")
    #expect(saved.status == .complete)
  }

  @Test func aDeadProcessesReplyBecomesInterruptedWithItsText() async throws {
    let session = try await fixture.session("S", messages: ["q"])
    let reply = try await store.startReply(sessionID: session.id, agent: "a", model: "m")
    try await store.checkpointReply(id: reply.id, content: "half an answ", reasoning: nil)
    // The lease of a process that has ended: its lock file is unlocked.
    try await store.pool.write { db in
      try db.execute(
        sql: "UPDATE message SET writer_lease = 'gone' WHERE id = ?", arguments: [reply.id])
    }
    let reopened = try await fixture.reopen()
    let recovered = try #require(try await reopened.messages(sessionID: session.id).last)
    #expect(recovered.status == .interrupted)
    #expect(recovered.content == "half an answ")
    #expect(recovered.error == "orchat stopped before the reply finished")
    #expect(try await reopened.searchMessages("answ").map(\.messageID) == [reply.id])
  }

  @Test func aLiveProcessesReplyIsLeftStreaming() async throws {
    let session = try await fixture.session("S", messages: ["q"])
    let reply = try await store.startReply(sessionID: session.id, agent: "a", model: "m")
    // Another process: a second store on the same files, with its own lease holder.
    let other = try await fixture.reopen()
    #expect(try await other.recoverAbandonedReplies() == 0)
    #expect(try await other.messages(sessionID: session.id).last?.status == .streaming)
    #expect(try await store.messages(sessionID: session.id).last?.id == reply.id)
  }

  @Test func aReplyWithoutALeaseIsRecovered() async throws {
    let session = try await fixture.session("S", messages: ["q"])
    let reply = try await store.startReply(sessionID: session.id, agent: "a", model: "m")
    try await store.pool.write { db in
      try db.execute(
        sql: "UPDATE message SET writer_lease = NULL WHERE id = ?", arguments: [reply.id])
    }
    #expect(try await store.recoverAbandonedReplies() == 1)
    #expect(try await store.messages(sessionID: session.id).last?.status == .interrupted)
  }

  @Test func anEndedProcessesLockFileIsRemoved() throws {
    let directory = try TemporaryDirectory()
    let holder = WriterLease.Holder(directory: directory.url)
    let token = try holder.token()
    #expect(!WriterLease.isAbandoned(token, in: directory.url))
    let path = WriterLease.path(of: "ended", in: directory.url)
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    #expect(WriterLease.isAbandoned("ended", in: directory.url))
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(WriterLease.isAbandoned("never-existed", in: directory.url))
  }
}
