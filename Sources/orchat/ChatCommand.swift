import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat [chat]`: the full-screen app.
///
/// `run` is on the main actor so the terminal loop owns the main thread (its `poll` must not
/// park one of the few cooperative threads the network and database tasks need).
struct ChatCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chat",
    abstract: "Open the full-screen chat app (the default).")

  @Option(help: "Open a session: its id, or `last`.", completion: .sessionIDs)
  var session: String?

  @Option(help: "Start with this agent.", completion: .agentNames)
  var agent: String?

  @Option(
    help: "Use this model for the session (instead of the agent's).", completion: .modelIDs)
  var model: String?

  @Option(
    help: "The theme: a name from the themes directories, or a .toml path.",
    completion: .themeNames)
  var theme: String?

  @Option(
    name: .customLong("themes-dir"), help: "A directory searched for themes first.",
    completion: .directory)
  var themesDir: String?

  @Option(
    name: .customLong("base-url"),
    help: "API base URL (default: $OPENROUTER_BASE_URL or OpenRouter).")
  var baseURL: String?

  @Flag(
    name: .customLong("no-mouse"),
    help: "Leave mouse reporting off, so the terminal's own selection works.")
  var noMouse = false

  @MainActor
  func run() async throws {
    let status = FullScreenApp.run(
      .init(
        session: session, agent: agent, model: model, theme: theme, themesDirectory: themesDir,
        baseURL: baseURL, isMouseEnabled: !noMouse))
    if status != 0 { throw ExitCode(status) }
  }
}
