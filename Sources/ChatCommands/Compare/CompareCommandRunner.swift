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
    guard
      let setup = await ReplyCommandSetup.make(
        agent: options.agent, session: options.session, baseURL: baseURL, context: context)
    else { return 1 }
    let (engine, transport) = setup.engine(context: context)
    let (agent, session) = (setup.agent, setup.session)
    let runner = CompareRunner(
      engine: engine, output: context.output, errors: context.errors,
      terminalSize: terminalSize())
    return await ReplyCommandSetup.runInterruptibly(shuttingDown: transport) {
      await runner.run(options, agent: agent, sessionID: session?.id)
    }
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
