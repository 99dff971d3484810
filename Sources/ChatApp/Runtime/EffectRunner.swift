import ChatDomain
import ChatCore
import ChatUI
import Foundation
import OpenRouter
import Synchronization

/// Runs the effects that do I/O as tasks, each posting its answers to the mailbox. Effects
/// only post actions; they never touch the state.
///
/// Requests to the engine are kept by id so `.cancel` can stop them; cancelling a request
/// lets the engine close the connection and save the reply as `cancelled` before the task
/// ends (so `waitForRequests` is how quitting stays lossless).
final class EffectRunner: Sendable {
  let services: AppServices
  let mailbox: Mailbox
  private let requests = Mutex<[RequestID: Task<Void, Never>]>([:])

  init(services: AppServices, mailbox: Mailbox) {
    self.services = services
    self.mailbox = mailbox
  }

  /// Starts an I/O effect. Effects that need the terminal (`openEditor`, `copy`,
  /// `changeTheme`, `quit`) are the run loop's and are ignored here.
  func run(_ effect: Effect) {
    switch effect {
    case .send(let id, let sessionID, let agentName, let overrides, let text):
      let turn = ConversationTurn(
        sessionID: sessionID, agent: services.agent(named: agentName), overrides: overrides, text: text)
      startRequest(id) { engine, emit in try await engine.run(turn, onEvent: emit) }
    case .regenerate(let id, let sessionID, let agentName, let overrides):
      let agent = services.agent(named: agentName)
      startRequest(id) { engine, emit in
        try await engine.runRegeneration(sessionID: sessionID, agent: agent, overrides: overrides, onEvent: emit)
      }
    case .cancel(let id):
      _ = requests.withLock { $0[id] }?.cancel()
    case .openSession(let id):
      perform("open the session") { store in
        guard let session = try await store.session(id: id) else {
          throw ChatError(.notFound, "the session no longer exists")
        }
        return .sessionOpened(session, try await store.transcript(sessionID: id))
      }
    case .listSessions:
      perform("list sessions") { store in
        .sessionsListed(try await store.listSessions(SessionQuery(limit: 500)))
      }
    case .searchSessions(let query):
      perform("search") { store in
        let hits = try await store.searchMessages(query, limit: 100)
        var seen = Set<String>()
        return .sessionsSearched(query: query, hits: hits.filter { seen.insert($0.sessionID).inserted })
      }
    case .renameSession(let id, let title):
      perform("rename the session") { store in
        try await store.renameSession(id: id, to: title)
        return .sessionRenamed(id: id, title: SessionTitle.normalized(title) ?? title)
      }
    case .deleteSession(let id):
      perform("delete the session") { store in
        try await store.deleteSession(id: id)
        return .sessionDeleted(id: id)
      }
    case .selectVariant(let messageID):
      perform("switch variants") { store in
        try await store.selectVariant(messageID: messageID)
        return nil
      }
    case .exportSession(let id, let format, let path):
      perform("export") { store in try await Self.export(id, format: format, to: path, store: store) }
    case .refreshCatalog:
      let services = services
      let mailbox = mailbox
      Task {
        do {
          let catalog = try await ModelCatalog.refresh(
            using: services.client, cacheURL: services.paths.modelCache, log: try? await services.store.value)
          mailbox.post(.catalogLoaded(catalog))
          mailbox.post(.notified("Model list refreshed: \(catalog.models.count) models", .info, at: Date()))
        } catch {
          mailbox.post(.notified("Could not refresh the models: \(AppContext.message(for: error))", .error, at: Date()))
        }
      }
    case .loadCredits:
      guard services.hasAPIKey else { return }
      let client = services.client
      let mailbox = mailbox
      Task {
        // Credits are a nicety in the status line; a failure only leaves them out.
        if let info = try? await client.keyInfo() { mailbox.post(.creditsLoaded(info.limitRemaining)) }
      }
    case .openEditor, .copy, .changeTheme, .quit:
      return
    }
  }

  /// Loads the bundled and cached model catalog off the run loop's thread.
  func loadCatalog() {
    let cacheURL = services.paths.modelCache
    let mailbox = mailbox
    Task { mailbox.post(.catalogLoaded(ModelCatalog.load(cacheURL: cacheURL))) }
  }

  /// Waits (up to `timeout`) for running requests to end, so their replies are saved.
  func waitForRequests(timeout: Duration) async {
    let tasks = requests.withLock { Array($0.values) }
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        for task in tasks { await task.value }
      }
      group.addTask { try? await Task.sleep(for: timeout) }
      await group.next()
      group.cancelAll()
    }
  }

  func cancelAll() {
    for task in requests.withLock({ Array($0.values) }) { task.cancel() }
  }

  // MARK: - Plumbing

  private func startRequest(
    _ id: RequestID,
    _ body: @escaping @Sendable (ConversationEngine, @escaping @Sendable (ConversationEvent) -> Void) async throws -> Message
  ) {
    let services = services
    let mailbox = mailbox
    let task = Task {
      do {
        let engine = try await services.engine()
        _ = try await body(engine) { event in mailbox.post(.conversation(id, event, at: Date())) }
        mailbox.post(.conversationEnded(id, at: Date()))
      } catch {
        mailbox.post(.conversationFailed(id, message: AppContext.message(for: error), at: Date()))
      }
    }
    requests.withLock { $0[id] = task }
    Task {
      await task.value
      _ = self.requests.withLock { $0.removeValue(forKey: id) }
    }
  }

  private func perform(_ what: String, _ body: @escaping @Sendable (SessionStore) async throws -> Action?) {
    let store = services.store
    let mailbox = mailbox
    Task {
      do {
        if let action = try await body(try await store.value) { mailbox.post(action) }
      } catch {
        mailbox.post(.notified("Could not \(what): \(AppContext.message(for: error))", .error, at: Date()))
      }
    }
  }

  static func export(_ id: String, format: ChatUI.ExportFormat, to path: String, store: SessionStore) async throws -> Action {
    let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
    let data: Data
    switch format {
    case .json:
      data = try await store.exportSessions(ids: [id]).encoded()
    case .markdown:
      guard let session = try await store.session(id: id) else {
        throw ChatError(.notFound, "the session no longer exists")
      }
      data = Data(MarkdownTranscript.render(session, transcript: try await store.transcript(sessionID: id)).utf8)
    }
    do {
      try data.write(to: url, options: .atomic)
    } catch {
      throw ChatError.file("write", path: url.path, error)
    }
    return .notified("Exported to \(url.path)", .info, at: Date())
  }
}
