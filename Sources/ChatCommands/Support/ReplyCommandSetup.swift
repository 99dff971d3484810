import ChatCore
import ChatDomain
import Foundation
import OpenRouter

/// What `ask` and `compare` set up before they send anything: the config, the key, the
/// session store, the session to continue and its agent, the client's configuration and
/// the cached catalog.
struct ReplyCommandSetup {
  let config: AppConfig
  let catalog: ModelCatalog
  let store: SessionStore
  let agent: Agent
  let session: Session?
  let configuration: OpenRouterConfiguration

  /// The setup, or `nil` once its one error line is written (the command exits with 1).
  static func make(
    agent name: String?, session reference: String?, baseURL: String?, context: AppContext
  )
    async -> ReplyCommandSetup?
  {
    let config: AppConfig
    let apiKey: String?
    do {
      config = try context.loadConfig()
      apiKey = try context.apiKey(config: config)
    } catch {
      _ = context.fail(error)
      return nil
    }
    guard let key = apiKey else {
      context.errors.write("error: \(ProcessEnvironment.missingKeyMessage)\n")
      return nil
    }
    do {
      let configuration = try context.clientConfiguration(
        apiKey: key, config: config, baseURL: baseURL)
      let store = try await context.openStore()
      var session: Session?
      if let reference { session = try await store.resolveSession(reference) }
      let agent = try await AskCommandRunner.chooseAgent(
        named: name, session: session, store: store, agents: context.loadAgents(config: config),
        config: config)
      return ReplyCommandSetup(
        config: config, catalog: ModelCatalog.load(cacheURL: context.paths.modelCache),
        store: store, agent: agent, session: session, configuration: configuration)
    } catch {
      _ = context.fail(error)
      return nil
    }
  }

  /// An engine over a live client; shut `transport` down when done.
  func engine(context: AppContext) -> (engine: ConversationEngine, transport: HTTPClientTransport) {
    let transport = context.transport(config: config)
    let client = OpenRouterClient(configuration: configuration, transport: transport)
    var engine = ConversationEngine(store: store, client: client)
    engine.defaultPDFEngine = config.pdfEngine
    engine.catalog = catalog
    return (engine, transport)
  }

  /// Runs `body` until it ends or Ctrl-C cancels it, then shuts `transport` down.
  /// - Returns: `body`'s exit status.
  static func runInterruptibly(
    shuttingDown transport: HTTPClientTransport, _ body: @escaping @Sendable () async -> Int32
  ) async -> Int32 {
    let task = Task { await body() }
    let interrupt = InterruptWatcher { task.cancel() }
    let status = await task.value
    interrupt.stop()
    await transport.shutdown()
    return status
  }
}
