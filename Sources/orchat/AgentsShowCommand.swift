import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat agents show NAME [--json]`.
struct AgentsShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Print an agent's settings.")

  @Argument(help: "The agent's name.", completion: .agentNames)
  var name: String

  @Flag(help: "Print a JSON object.")
  var json = false

  func run() async throws {
    throw ExitCode(await AgentsCommandRunner().show(name, json: json))
  }
}
