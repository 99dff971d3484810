import ChatCore
import ChatDomain
import Foundation
import TestSupport

/// A session store on a real file in a temporary directory.
struct StoreFixture {
  let directory: TemporaryDirectory
  let store: SessionStore

  init() async throws {
    directory = try TemporaryDirectory(prefix: "orchat-store")
    store = try await SessionStore.open(
      at: directory.appending("data/orchat.sqlite"), leasesDirectory: directory.appending("leases"))
  }

  var databaseURL: URL { store.databaseURL }
  var leasesDirectory: URL { directory.appending("leases") }

  /// Opens the same files again, as a later process would.
  func reopen() async throws -> SessionStore {
    try await SessionStore.open(at: databaseURL, leasesDirectory: leasesDirectory)
  }

  /// A session with alternating user and assistant messages (`complete`).
  @discardableResult
  func session(
    _ title: String, messages: [String], agent: String = "assistant", at date: Date = Date()
  ) async throws -> Session {
    let session = try await store.createSession(title: title, agent: agent, at: date)
    for (index, text) in messages.enumerated() {
      if index % 2 == 0 {
        _ = try await store.appendUserMessage(
          sessionID: session.id, content: text, agent: agent, model: "openai/gpt-4o", at: date)
      } else {
        var reply = try await store.startReply(
          sessionID: session.id, agent: agent, model: "openai/gpt-4o", at: date)
        reply.content = text
        reply.status = .complete
        reply.servedModel = "openai/gpt-4o"
        reply.usage = TokenUsage(
          promptTokens: 10, completionTokens: 5, cost: Decimal(string: "0.00125"))
        try await store.finishReply(reply, at: date)
      }
    }
    return try await store.session(id: session.id) ?? session
  }
}
