import ChatCore
import ChatDomain
import Foundation
import OpenRouter

/// Wires `orchat compare` to the live environment: the config, the key, the agents, the
/// session store, the HTTP transport, standard output and error (and the terminal's size
/// for the live view), and Ctrl-C.
public enum CompareCommandRunner {
  /// - Returns: the exit status.
  public static func run(
    _ options: CompareOptions, baseURL: String?, context: AppContext = AppContext()
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
      agent = try await AskCommandRunner.chooseAgent(
        named: options.agent, session: session, store: store,
        agents: context.loadAgents(config: config), config: config)
    } catch {
      return context.fail(error)
    }
    let transport = context.transport(config: config)
    let client = OpenRouterClient(configuration: configuration, transport: transport)
    var engine = ConversationEngine(store: store, client: client)
    engine.defaultPDFEngine = config.pdfEngine
    engine.catalog = ModelCatalog.load(cacheURL: context.paths.modelCache)
    let runner = CompareRunner(
      engine: engine, output: context.output, errors: context.errors,
      terminalSize: terminalSize())
    let task = Task { await runner.run(options, agent: agent, sessionID: session?.id) }
    let interrupt = InterruptWatcher { task.cancel() }
    let status = await task.value
    interrupt.stop()
    await transport.shutdown()
    return status
  }

  /// Standard output's window size, when it is a terminal that reports one.
  static func terminalSize() -> (columns: Int, rows: Int)? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var window = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0
    else { return nil }
    return (Int(window.ws_col), Int(window.ws_row))
  }
}
