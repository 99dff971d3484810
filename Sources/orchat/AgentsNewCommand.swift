import ArgumentParser
import ChatCommands

/// `orchat agents new NAME [--from AGENT]`.
struct AgentsNewCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Create <config>/agents/NAME.toml, commented, and open it in $VISUAL or $EDITOR.",
    discussion: """
      The file loads as the new agent straight away: a copy of --from AGENT, or the default \
      agent's model and nothing else, with every other setting commented out and explained. \
      The editor opens only when standard input and output are a terminal.
      """)

  @Argument(help: "The new agent's name (letters, digits, - _ .).")
  var name: String

  @Option(help: "Copy the settings of this agent.", completion: .agentNames)
  var from: String?

  func run() async throws {
    throw ExitCode(await AgentsCommandRunner().new(name, from: from))
  }
}
