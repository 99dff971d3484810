import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import Foundation
import TerminalBackend

/// `orchat demo`: draws the sample transcript in the chosen theme on the real terminal
/// until `q` (or Ctrl-C, or a termination signal), reporting each input in the status line.
///
/// It exercises the backend end to end (themes, colours, wide characters, resize, keys,
/// mouse, paste) and is what the tmux tests drive.
public enum DemoApp {
  public struct Options: Sendable {
    /// `--theme`; `nil` for the configured default.
    public var themeName: String?
    /// `--themes-dir`, searched before the user and shipped themes.
    public var themesDirectory: String?
    public var isMouseEnabled = true
    /// Traps right after the first frame, so a test can check that the crash guard gives
    /// the terminal back (`--crash-after-first-frame`, hidden).
    public var crashesAfterFirstFrame = false

    public init(
      themeName: String? = nil, themesDirectory: String? = nil, isMouseEnabled: Bool = true,
      crashesAfterFirstFrame: Bool = false
    ) {
      self.themeName = themeName
      self.themesDirectory = themesDirectory
      self.isMouseEnabled = isMouseEnabled
      self.crashesAfterFirstFrame = crashesAfterFirstFrame
    }
  }

  /// Runs the demo on standard input and output.
  ///
  /// - Returns: The process exit status: 0 after quitting, 128 + signal after a termination
  ///   signal, 1 when the terminal cannot be opened (the reason goes to standard error).
  public static func run(_ options: Options) -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    let themes = ThemeCatalog(searchPath: .standard(explicitDirectory: options.themesDirectory))
    let selection = themes.load(
      named: options.themeName, colorDisabled: ThemeCatalog.isColorDisabled(in: environment))
    let wake: WakeSignal
    let terminal: NcursesTerminal
    do {
      wake = try WakeSignal()
      terminal = try NcursesTerminal(
        options: .init(isMouseEnabled: options.isMouseEnabled), wake: wake)
    } catch {
      printError("orchat: \(error)")
      return 1
    }
    terminal.setTheme(selection.theme)
    let runtime = makeRuntime(
      terminal: terminal, wake: wake, themes: themes, theme: selection,
      isMouseEnabled: options.isMouseEnabled, environment: environment)
    if options.crashesAfterFirstFrame {
      runtime.flush()
      fatalError("orchat demo: deliberate crash (--crash-after-first-frame)")
    }
    let status = runtime.run()
    terminal.shutdown()
    for problem in selection.problems { printError(problem.userMessage) }
    return status
  }

  /// The real app's runtime on the demo's fixture: the sample session open at its top, the
  /// bundled catalog, no key, and services that keep nothing and reach no network.
  static func makeRuntime<Screen: Terminal>(
    terminal: Screen, wake: WakeSignal?, themes: ThemeCatalog, theme: ThemeSelection,
    isMouseEnabled: Bool, environment: [String: String]
  ) -> Runtime<Screen> {
    var state = AppState(
      size: terminal.size, agents: Agent.builtIns, agentName: "assistant", hasAPIKey: false,
      now: Date(), themeName: theme.theme.name, isMouseEnabled: isMouseEnabled)
    state.availableThemes = themes.availableThemeNames()
    state.catalog = ModelCatalog(snapshot: BundledCatalog.snapshot, origin: .bundled)
    _ = AppReducer.reduce(
      &state,
      .sessionOpened(
        reference: DemoTranscript.session.id,
        .success(
          OpenedSession(session: DemoTranscript.session, entries: DemoTranscript.entries))))
    state.transcript.scrollToTop()
    state.banner = theme.problems.first.map {
      Banner("\($0.userMessage); using \(theme.theme.name)", kind: .warning)
    }
    let mailbox = Mailbox(wake: wake)
    let services = AppServices.offline(paths: AppPaths(environment: environment))
    return Runtime(
      state: state, terminal: terminal, runner: EffectRunner(services: services, mailbox: mailbox),
      mailbox: mailbox, themes: themes)
  }

  private static func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}
