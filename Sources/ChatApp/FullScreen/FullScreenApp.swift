import ChatCore
import ChatDomain
import ChatUI
import Dispatch
import Foundation
import OpenRouter
import TerminalBackend

/// `orchat` with no subcommand: the full-screen chat app on the terminal.
public enum FullScreenApp {
  public struct Options: Sendable {
    /// `--session ID|last`: open this session.
    public var session: String?
    public var agent: String?
    public var model: String?
    public var theme: String?
    public var themesDirectory: String?
    public var baseURL: String?
    public var isMouseEnabled: Bool

    public init(
      session: String? = nil, agent: String? = nil, model: String? = nil, theme: String? = nil,
      themesDirectory: String? = nil, baseURL: String? = nil, isMouseEnabled: Bool = true
    ) {
      self.session = session
      self.agent = agent
      self.model = model
      self.theme = theme
      self.themesDirectory = themesDirectory
      self.baseURL = baseURL
      self.isMouseEnabled = isMouseEnabled
    }
  }

  /// Runs the app until it quits. Must be called on the thread that will own the terminal.
  /// - Returns: the exit status (128 + signal after SIGTERM, SIGINT or SIGHUP).
  public static func run(_ options: Options, context: AppContext = AppContext()) -> Int32 {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      context.errors.write(
        "error: orchat needs a terminal; use `orchat ask` in pipes and scripts\n")
      return 1
    }
    ProcessSetup.ignoreBrokenPipes()
    let startup = Startup(options: options, context: context)
    if let problem = startup.baseURLProblem {
      waitFor { await startup.shutdown() }
      return context.fail(problem)
    }
    let wake: WakeSignal
    let terminal: NcursesTerminal
    do {
      wake = try WakeSignal()
      terminal = try NcursesTerminal(
        options: .init(
          isMouseEnabled: options.isMouseEnabled && startup.config.isMouseEnabled,
          hyperlinks: startup.hyperlinks),
        wake: wake)
    } catch {
      waitFor { await startup.shutdown() }
      context.errors.write("error: cannot open the terminal: \(error)\n")
      return 1
    }
    terminal.setTheme(startup.theme.theme)
    let runtime = startup.makeRuntime(terminal: terminal, wake: wake)
    let status = runtime.run()
    terminal.shutdown()
    waitFor { await startup.shutdown() }
    return status
  }

  /// The app on a terminal the caller opened (benchmarks, tests): start-up as `run` does it,
  /// without the loop. Call the returned `shutdown` when done.
  public static func makeRuntime<Screen: Terminal>(
    _ options: Options, context: AppContext, terminal: Screen, wake: WakeSignal? = nil,
    transport: (any Transport)? = nil
  ) -> (Runtime<Screen>, shutdown: @Sendable () async -> Void) {
    let startup = Startup(options: options, context: context, transport: transport)
    terminal.setTheme(startup.theme.theme)
    let owned = startup.ownedTransport
    return (
      startup.makeRuntime(terminal: terminal, wake: wake), { await owned?.shutdown() }
    )
  }

  /// Runs async work to its end from the synchronous run loop's thread (which no task needs).
  static func waitFor(_ work: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task {
      await work()
      done.signal()
    }
    done.wait()
  }
}
