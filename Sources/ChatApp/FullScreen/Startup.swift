import ChatCore
import ChatDomain
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
  /// The HTTP transport.
  let transport: any Transport
  /// The live transport when this start-up made it; `FullScreenApp` shuts it down at the end.
  let ownedTransport: HTTPClientTransport?
  /// Files that could not be used (config, agent files, theme); the reducer words them.
  let problems: [StartupProblem]
  /// Why the base URL is refused (plain http to another machine), if it is: the app does not
  /// start then (`FullScreenApp.run`).
  let baseURLProblem: ChatError?
  /// The client's settings, once the base URL passed (else `nil`, and `baseURLProblem` says
  /// why).
  let clientConfiguration: OpenRouterConfiguration?
  /// Whether sources are written as OSC 8 hyperlinks: `hyperlinks` of `config.toml`, else a
  /// guess from the terminal's environment.
  let hyperlinks: Bool

  /// - Parameter transport: Replaces the live HTTP transport (tests answer requests by hand).
  init(options: FullScreenApp.Options, context: AppContext, transport: (any Transport)? = nil) {
    self.options = options
    self.context = context
    var problems: [StartupProblem] = []
    do {
      config = try context.loadConfig()
    } catch {
      config = AppConfig()
      problems.append(.config(ChatError(error)))
    }
    agents = context.loadAgents(config: config)
    problems += agents.issues.map(StartupProblem.agentFile)
    do {
      apiKey = try context.apiKey(config: config)
    } catch {
      apiKey = nil
      problems.append(.config(ChatError(error)))
    }
    themes = ThemeCatalog(searchPath: .standard(explicitDirectory: options.themesDirectory))
    theme = themes.load(
      named: options.theme ?? config.theme,
      colorDisabled: ThemeCatalog.isColorDisabled(in: context.environment.values))
    problems += theme.problems.map(StartupProblem.theme)
    self.problems = problems
    do {
      clientConfiguration = try context.clientConfiguration(
        apiKey: apiKey ?? "", config: config, baseURL: options.baseURL)
      baseURLProblem = nil
    } catch {
      clientConfiguration = nil
      baseURLProblem = ChatError(error)
    }
    hyperlinks =
      config.hyperlinks ?? HyperlinkSupport.isLikely(environment: context.environment.values)
    if let transport {
      self.transport = transport
      ownedTransport = nil
    } else {
      let live = context.transport(config: config)
      self.transport = live
      ownedTransport = live
    }
  }

  /// Closes the live transport's connections (after the loop has ended).
  func shutdown() async {
    await ownedTransport?.shutdown()
  }

  func services() -> AppServices {
    let paths = context.paths
    // A refused base URL never gets the key (`run` does not even start then).
    let configuration =
      clientConfiguration ?? OpenRouterConfiguration(apiKey: "", baseURL: options.baseURL ?? "")
    let client = OpenRouterClient(configuration: configuration, transport: transport)
    let store = Task { try await SessionStore.open(paths: paths) }
    return AppServices(
      paths: paths, config: config, agents: agents, client: client, hasAPIKey: apiKey != nil,
      store: store, themesDirectory: options.themesDirectory)
  }

  /// The first state: the agents, the agent asked for, key bindings with the config's
  /// overrides, the theme.
  func initialState(size: TerminalSize) -> (AppState, keyProblems: [String]) {
    let (keyMap, keyProblems) = KeyMap.standard.applying(config.keyBindings)
    var state = AppState(
      size: size, agents: agents.agents, agentName: options.agent ?? config.defaultAgent,
      hasAPIKey: apiKey != nil, now: Date(), keyMap: keyMap, themeName: theme.theme.name,
      isMouseEnabled: options.isMouseEnabled && config.isMouseEnabled, hyperlinks: hyperlinks)
    state.availableThemes = themes.availableThemeNames()
    state.attachmentLimits = config.attachmentLimits
    state.pdfEngine = config.pdfEngine
    return (state, keyProblems)
  }

  /// The runtime, started: its first action (`.appStarted`) asks for everything else.
  func makeRuntime<Screen: Terminal>(terminal: Screen, wake: WakeSignal?) -> Runtime<Screen> {
    let mailbox = Mailbox(wake: wake)
    let runner = EffectRunner(services: services(), mailbox: mailbox)
    let (state, keyProblems) = initialState(size: terminal.size)
    let runtime = Runtime(
      state: state, terminal: terminal, runner: runner, mailbox: mailbox, themes: themes)
    runtime.dispatch(
      .appStarted(
        Launch(
          session: options.session, agent: options.agent, model: options.model,
          problems: problems + keyProblems.map(StartupProblem.keyBinding))))
    return runtime
  }
}
