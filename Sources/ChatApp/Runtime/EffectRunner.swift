import ChatCore
import ChatDomain
import ChatUI
import Foundation
import OpenRouter
import Synchronization

/// Runs the effects that do I/O as tasks, each posting its one typed answer to the mailbox.
/// It decides nothing: no wording, no filtering; every answer goes to the reducer as it
/// came.
///
/// Requests to the engine are kept by id so `.cancel` can stop them. A cancelled request
/// still ends with its `.requestEnded` (the engine saves the reply as `cancelled` first), and
/// the request is forgotten only after that answer is posted: `waitForRequests` is how
/// quitting stays lossless, and once `activeRequestCount` is 0 every answer of every request
/// is in the mailbox.
final class EffectRunner: Sendable {
  let services: AppServices
  let mailbox: Mailbox
  private let requests = Mutex<[RequestID: Task<Void, Never>]>([:])
  /// The last variant selection written: the next waits for it, so selections reach the
  /// store in the order they were made.
  private let selections = Mutex<Task<Void, Never>?>(nil)

  init(services: AppServices, mailbox: Mailbox) {
    self.services = services
    self.mailbox = mailbox
  }

  /// Requests still running (their `.requestEnded` not yet posted).
  var activeRequestCount: Int { requests.withLock { $0.count } }

  /// Starts an I/O effect. The effects that need the terminal (`openEditor`, `copy`,
  /// `changeTheme`, `suspend`, `quit`) are the run loop's own; `Runtime` never passes them
  /// here.
  func run(_ effect: Effect) {
    switch effect {
    case .send(
      let id, let sessionID, let agentName, let overrides, let text, let attachments,
      let replacing):
      let turn = ConversationTurn(
        sessionID: sessionID, agent: services.agent(named: agentName), overrides: overrides,
        text: text, attachments: attachments, replacing: replacing)
      startRequest(id) { engine, emit in await engine.run(turn, onEvent: emit) }
    case .regenerate(let id, let sessionID, let agentName, let overrides, let replyID):
      let agent = services.agent(named: agentName)
      startRequest(id) { engine, emit in
        await engine.runRegeneration(
          sessionID: sessionID, replyID: replyID, agent: agent, overrides: overrides,
          onEvent: emit)
      }
    case .compare(
      let ids, let sessionID, let agentName, let overrides, let text, let models, let attachments):
      startCompare(
        ids,
        CompareTurn(
          sessionID: sessionID, agent: services.agent(named: agentName), overrides: overrides,
          text: text, models: models, attachments: attachments))
    case .cancel(let id):
      requests.withLock { $0[id] }?.cancel()
    case .loadCatalog:
      let cacheURL = services.paths.modelCache
      let box = services.catalog
      post {
        let catalog = ModelCatalog.load(cacheURL: cacheURL)
        box.set(catalog)
        return .catalogLoaded(catalog)
      }
    case .refreshCatalog:
      let services = services
      post {
        let result = await Self.result {
          try await ModelCatalog.refresh(
            using: services.client, cacheURL: services.paths.modelCache,
            log: try? await services.store.value)
        }
        if case .success(let catalog) = result { services.catalog.set(catalog) }
        return .catalogRefreshed(result)
      }
    case .readAttachments(let paths, let attachedBytes, let limits):
      let home = services.environment["HOME"]
      post {
        .attachmentsRead(
          AttachmentEffects.read(paths, attachedBytes: attachedBytes, limits: limits, home: home))
      }
    case .checkPastedPaths(let text, let paths):
      let home = services.environment["HOME"]
      post {
        .pastedPathsChecked(
          text: text, paths: paths, files: AttachmentEffects.regularFiles(paths, home: home))
      }
    case .completePath(let input, let word):
      let home = services.environment["HOME"]
      post {
        .pathsCompleted(
          input: input, word: word,
          candidates: AttachmentEffects.completions(of: word, home: home))
      }
    case .openAttachment(let attachment):
      let environment = services.environment
      withStore { store in
        .attachmentOpened(
          name: attachment.name,
          await Self.result {
            try await AttachmentEffects.open(attachment, store: store(), environment: environment)
          })
      }
    case .loadCredits:
      let client = services.client
      post { .creditsLoaded(await Self.result { try await client.keyInfo().limitRemaining }) }
    case .openSession(let reference, let messageID):
      withStore { store in
        .sessionOpened(
          reference: reference,
          await Self.result {
            let session = try await store().resolveSession(reference)
            if let messageID { try await store().selectBranch(containing: messageID) }
            let messages = try await store().messages(sessionID: session.id)
            let costs = messages.compactMap { $0.usage?.cost }
            return OpenedSession(
              session: session, entries: SessionStore.transcript(from: messages),
              totalCost: costs.isEmpty ? nil : costs.reduce(0, +), focus: messageID)
          })
      }
    case .listSessions:
      withStore { store in
        .sessionsListed(
          await Self.result { try await store().listSessions(SessionQuery(limit: 500)) })
      }
    case .searchSessions(let query):
      withStore { store in
        .sessionsSearched(
          query: query,
          await Self.result { try await store().searchMessages(query, limit: 100) })
      }
    case .renameSession(let id, let title):
      withStore { store in
        .sessionRenamed(
          id: id,
          await Self.result {
            try await store().renameSession(id: id, to: title)
            return SessionTitle.normalized(title) ?? title
          })
      }
    case .deleteSession(let id):
      withStore { store in
        .sessionDeleted(id: id, await Self.result { try await store().deleteSession(id: id) })
      }
    case .selectVariant(let messageID):
      inOrder { store in
        .variantSaved(
          await Self.result { _ = try await store().selectVariant(messageID: messageID) })
      }
    case .switchBranch(let messageID):
      inOrder { store in
        .branchSwitched(
          messageID: messageID,
          await Self.result { try await store().switchBranch(to: messageID) })
      }
    case .exportSession(let id, let format, let path):
      withStore { store in
        .sessionExported(
          await Self.result { try await Self.export(id, format: format, to: path, store: store()) }
        )
      }
    case .openEditor, .copy, .changeTheme, .suspend, .quit:
      assertionFailure("\(effect) belongs to the run loop")
    }
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

  /// Runs request `id`: its events as `.conversation`, then its outcome as `.requestEnded`,
  /// after which the request is forgotten.
  private func startRequest(
    _ id: RequestID,
    _ body:
      @escaping @Sendable (ConversationEngine, @escaping @Sendable (ConversationEvent) -> Void)
      async -> ConversationOutcome
  ) {
    let services = services
    let mailbox = mailbox
    // Created under the lock, so the task cannot unregister before it is registered.
    requests.withLock { requests in
      requests[id] = Task {
        let outcome: ConversationOutcome
        do {
          let engine = try await services.engine()
          outcome = await body(engine) { event in
            mailbox.post(.conversation(id, event, at: Date()))
          }
        } catch {
          outcome = .failed(ChatError(error), reply: nil)
        }
        mailbox.post(.requestEnded(id, outcome, at: Date()))
        self.requests.withLock { _ = $0.removeValue(forKey: id) }
      }
    }
  }

  /// Starts a compare: one task saves the question and the replies, then each reply runs as
  /// request `ids[i]`, which `.cancel` stops alone. When the compare cannot start, every
  /// request ends with that failure.
  private func startCompare(_ ids: [RequestID], _ turn: CompareTurn) {
    let services = services
    let start = Task { () -> Result<CompareStart, ChatError> in
      await Self.result { try await services.engine().startCompare(turn) }
    }
    for (index, id) in ids.enumerated() {
      startRequest(id) { engine, emit in
        switch await start.value {
        case .success(let compare):
          return await engine.runCompareReply(compare, index: index, onEvent: emit)
        case .failure(let error):
          return error.kind == .cancelled ? .cancelled(reply: nil) : .failed(error, reply: nil)
        }
      }
    }
  }

  /// Like `withStore`, but after the previous call of this kind has finished.
  private func inOrder(
    _ body:
      @escaping @Sendable (@escaping @Sendable () async throws -> SessionStore) async -> Action
  ) {
    let store = services.store
    let mailbox = mailbox
    selections.withLock { previous in
      let before = previous
      previous = Task {
        await before?.value
        mailbox.post(await body { try await store.value })
      }
    }
  }

  /// Runs `body` off the loop and posts its answer.
  private func post(_ body: @escaping @Sendable () async -> Action) {
    let mailbox = mailbox
    Task { mailbox.post(await body()) }
  }

  /// Runs `body` with the store (which opens in the background: the accessor throws when it
  /// could not be opened) and posts its answer.
  private func withStore(
    _ body:
      @escaping @Sendable (@escaping @Sendable () async throws -> SessionStore) async -> Action
  ) {
    let store = services.store
    post { await body { try await store.value } }
  }

  /// `body`'s value, or its failure in the domain's terms.
  static func result<Value>(_ body: () async throws -> Value) async -> Result<Value, ChatError> {
    do {
      return .success(try await body())
    } catch {
      return .failure(ChatError(error))
    }
  }

  /// Writes session `id` to `path` (`~` expanded) and returns the path written.
  static func export(
    _ id: String, format: ChatUI.ExportFormat, to path: String, store: SessionStore
  ) async throws -> String {
    let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
    let data: Data
    switch format {
    case .json:
      data = try await store.exportSessions(ids: [id]).encoded()
    case .markdown:
      guard let session = try await store.session(id: id) else {
        throw ChatError(.notFound, "the session no longer exists")
      }
      let messages = try await store.messages(sessionID: id)
      data = Data(
        MarkdownTranscript.render(
          session, messages: messages,
          attachmentFolder: MarkdownAttachments.folderName(forDocumentAt: url.path)
        ).utf8)
      try await MarkdownAttachments.write(
        messages: [messages], besideDocumentAt: url.path, store: store)
    }
    do {
      // Private (0600) whatever the umask, like `orchat sessions export --output`.
      try PrivateFile.write(data, to: url.path, .inPlace)
    } catch {
      throw ChatError.file("write", path: url.path, error)
    }
    return url.path
  }
}
