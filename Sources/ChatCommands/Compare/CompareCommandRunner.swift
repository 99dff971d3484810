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
      terminalSize: WindowSize.of(STDOUT_FILENO))
    return await ReplyCommandSetup.runInterruptibly(shuttingDown: transport) {
      await runner.run(options, agent: agent, sessionID: session?.id)
    }
  }
}
