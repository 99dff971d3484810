import ChatCore
import ChatDomain
import Foundation
import OpenRouter
import Synchronization

/// The live parts the effects use: the store, the conversation engine, the agents, the
/// model catalog, the client. Built in `ChatApp`, the only place that wires live
/// dependencies.
///
/// The store opens in the background (`store` is a task), so the first frame never waits
/// for the database.
public struct AppServices: Sendable {
  public let paths: AppPaths
  public let config: AppConfig
  public let agents: AgentCatalog
  public let client: OpenRouterClient
  public let hasAPIKey: Bool
  public let store: Task<SessionStore, any Error>
  /// Where the themes are looked for (`--themes-dir`, then the user's, then the shipped).
  public let themesDirectory: String?
  /// The catalog once loaded (the engine asks image models for images).
  let catalog = CatalogBox()
  /// The process environment (`HOME` for `~`, `TMPDIR`, a display for opening files).
  let environment: [String: String]

  public init(
    paths: AppPaths, config: AppConfig, agents: AgentCatalog, client: OpenRouterClient,
    hasAPIKey: Bool, store: Task<SessionStore, any Error>, themesDirectory: String? = nil
  ) {
    self.paths = paths
    self.config = config
    self.agents = agents
    self.client = client
    self.hasAPIKey = hasAPIKey
    self.store = store
    self.themesDirectory = themesDirectory
    environment = ProcessInfo.processInfo.environment
  }

  func engine() async throws -> ConversationEngine {
    var engine = ConversationEngine(store: try await store.value, client: client)
    engine.defaultPDFEngine = config.pdfEngine
    engine.catalog = catalog.catalog
    return engine
  }

  /// The agent named `name`, else the first one (the reducer only names loaded agents).
  func agent(named name: String) -> Agent {
    agents.agent(named: name) ?? agents.agents.first ?? Agent.builtIns[0]
  }

  /// Services that keep nothing and reach no network (`orchat demo`): the store cannot be
  /// opened and every request fails to connect, each with a line that says so.
  static func offline(paths: AppPaths) -> AppServices {
    AppServices(
      paths: paths, config: AppConfig(), agents: AgentCatalog(agents: Agent.builtIns),
      client: OpenRouterClient(
        configuration: OpenRouterConfiguration(apiKey: "", baseURL: "http://offline.invalid"),
        transport: OfflineTransport()),
      hasAPIKey: false,
      store: Task { throw ChatError(.storage, "the demo keeps no sessions") })
  }
}

/// A transport with no network: every request fails to connect.
struct OfflineTransport: Transport {
  func send(_ request: TransportRequest) async throws -> TransportResponse {
    throw TransportError.connectFailed("the demo does not connect to the network")
  }
}

/// The model catalog as last loaded, for the engine (which asks image models for images).
final class CatalogBox: Sendable {
  private let value = Mutex<ModelCatalog?>(nil)

  var catalog: ModelCatalog? { value.withLock { $0 } }

  func set(_ catalog: ModelCatalog) {
    value.withLock { $0 = catalog }
  }
}
