import ChatDomain
import ChatCore
import ChatUI
import Foundation
import OpenRouter
import TerminalBackend

/// What the app needs before its first frame, read quickly: config, agents, key, theme. The
/// session store opens in the background; history and the model catalog arrive as actions.
struct Startup {
  let options: FullScreenApp.Options
  let context: AppContext
  let config: AppConfig
  let agents: AgentCatalog
  let apiKey: String?
  let theme: ThemeSelection
  let themes: ThemeCatalog
  /// The HTTP transport; `FullScreenApp` shuts it down at the end.
  let transport: HTTPClientTransport
  /// Problems to show in the banner at start (broken config, agent files, theme, keys).
  var problems: [String] = []

  init(options: FullScreenApp.Options, context: AppContext) {
    self.options = options
    self.context = context
    var problems: [String] = []
    do {
      config = try context.loadConfig()
    } catch {
      config = AppConfig()
      problems.append(AppContext.message(for: error) + " (using the defaults)")
    }
    agents = context.loadAgents()
    problems += agents.issues.map(\.userMessage)
    apiKey = context.apiKey(config: config)
    themes = ThemeCatalog(searchPath: .standard(explicitDirectory: options.themesDirectory))
    theme = themes.load(
      named: options.theme ?? config.theme,
      colorDisabled: ThemeCatalog.isColorDisabled(in: context.environment.values))
    problems += theme.problems.map(\.userMessage)
    self.problems = problems
    transport = context.transport(config: config)
  }

  func services() -> AppServices {
    let paths = context.paths
    let client = OpenRouterClient(
      configuration: context.clientConfiguration(
        apiKey: apiKey ?? "", config: config, baseURL: options.baseURL),
      transport: transport)
    let store = Task { try await SessionStore.open(paths: paths) }
    return AppServices(
      paths: paths, config: config, agents: agents, client: client, hasAPIKey: apiKey != nil,
      store: store, themesDirectory: options.themesDirectory)
  }

  /// The first state: the agent and model asked for, key bindings with the config's
  /// overrides, the theme, and a banner for anything that went wrong reading files.
  func initialState(size: TerminalSize) -> AppState {
    let (keyMap, keyProblems) = KeyMap.standard.applying(config.keyBindings)
    var state = AppState(
      size: size, agentName: options.agent ?? config.defaultAgent, hasAPIKey: apiKey != nil,
      now: Date(), keyMap: keyMap, themeName: theme.theme.name,
      isMouseEnabled: options.isMouseEnabled && config.isMouseEnabled)
    state.availableThemes = themes.availableThemeNames()
    _ = AppReducer.reduce(&state, .agentsLoaded(agents.agents, problems: []))
    if let agent = options.agent, agents.agent(named: agent) == nil {
      state.banner = Banner("No agent \"\(agent)\"; using \(state.agentName)", kind: .warning)
    }
    if let model = options.model { state.overrides.model = model }
    let problems = self.problems + keyProblems
    if let first = problems.first {
      let more = problems.count > 1 ? " (+\(problems.count - 1) more)" : ""
      state.banner = Banner(first + more, kind: .warning)
    }
    return state
  }

  func makeRuntime<Screen: Terminal>(terminal: Screen, wake: WakeSignal?) -> Runtime<Screen> {
    let services = services()
    let mailbox = Mailbox(wake: wake)
    let runner = EffectRunner(services: services, mailbox: mailbox)
    let runtime = Runtime(
      state: initialState(size: terminal.size), terminal: terminal, runner: runner, mailbox: mailbox,
      themes: themes)
    runner.run(.listSessions)
    runner.loadCatalog()
    runner.run(.loadCredits)
    if let reference = options.session { runner.openSession(reference: reference) }
    return runtime
  }
}

extension EffectRunner {
  /// Opens a session named by id or `last` (the `--session` option).
  func openSession(reference: String) {
    let store = services.store
    let mailbox = mailbox
    Task {
      do {
        let store = try await store.value
        let session = try await store.resolveSession(reference)
        mailbox.post(.sessionOpened(session, try await store.transcript(sessionID: session.id)))
      } catch {
        mailbox.post(.notified("Could not open session \(reference): \(AppContext.message(for: error))", .error, at: Date()))
      }
    }
  }
}
