import ChatDomain
import ChatCore
import Foundation
import OpenRouter

/// Wires `orchat ask` to the live environment: the config, the key, the agents, the session
/// store, the HTTP transport, standard output and error, and Ctrl-C.
public enum AskCommandRunner {
  /// - Returns: the exit status.
  public static func run(
    _ options: AskOptions, baseURL: String?, context: AppContext = AppContext()
  ) async -> Int32 {
    let config: AppConfig
    let apiKey: String?
    do {
      config = try context.loadConfig()
      apiKey = try context.apiKey(config: config)
    } catch {
      return context.fail(error)
    }
    guard let key = apiKey else {
      context.errors.write("error: \(ProcessEnvironment.missingKeyMessage)\n")
      return 1
    }
    let store: SessionStore
    let agent: Agent
    var session: Session?
    let configuration: OpenRouterConfiguration
    do {
      configuration = try context.clientConfiguration(
        apiKey: key, config: config, baseURL: baseURL)
      store = try await context.openStore()
      if let reference = options.session { session = try await store.resolveSession(reference) }
      agent = try await chooseAgent(
        named: options.agent, session: session, store: store, agents: context.loadAgents(config: config),
        config: config)
    } catch {
      return context.fail(error)
    }
    let transport = context.transport(config: config)
    let client = OpenRouterClient(configuration: configuration, transport: transport)
    let runner = AskRunner(
      engine: ConversationEngine(store: store, client: client), output: context.output,
      errors: context.errors)
    let task = Task { await runner.run(options, agent: agent, sessionID: session?.id) }
    let interrupt = InterruptWatcher { task.cancel() }
    let status = await task.value
    interrupt.stop()
    await transport.shutdown()
    return status
  }

  /// `--agent`, else the agent of the continued session's last reply (the one the user was
  /// talking to), else the session's first agent, else the configured default.
  static func chooseAgent(
    named name: String?, session: Session?, store: SessionStore, agents: AgentCatalog,
    config: AppConfig
  ) async throws -> Agent {
    if let name { return try agents.resolve(name) }
    guard let session else { return try agents.resolve(config.defaultAgent) }
    let lastReply = try await store.transcript(sessionID: session.id).map(\.message)
      .last { $0.role == .assistant && $0.agent != nil }
    let sessionAgent = lastReply?.agent ?? session.agent
    do {
      return try agents.resolve(sessionAgent)
    } catch let error as ChatError {
      throw ChatError(
        error.kind,
        "\(error.userMessage); the session used agent \"\(sessionAgent)\", "
          + "choose one with --agent")
    }
  }
}
