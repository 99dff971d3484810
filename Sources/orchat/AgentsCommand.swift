import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat agents [--json]` and `orchat agents show NAME`.
struct AgentsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agents",
    abstract: "List the agents: built-in ones and those in <config>/agents/NAME.toml.",
    subcommands: [AgentsListCommand.self, AgentsShowCommand.self],
    defaultSubcommand: AgentsListCommand.self)
}
