import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat agents [--json]` and `orchat agents show NAME`.
struct AgentsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agents",
    abstract: "List, show and create agents: built-in ones and <config>/agents/NAME.toml.",
    subcommands: [AgentsListCommand.self, AgentsShowCommand.self, AgentsNewCommand.self],
    defaultSubcommand: AgentsListCommand.self)
}
