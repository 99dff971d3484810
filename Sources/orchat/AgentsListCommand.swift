import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat agents list [--json]`, also plain `orchat agents`.
struct AgentsListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the agents (* marks the default).")

  @Flag(help: "Print a JSON array.")
  var json = false

  func run() async throws {
    throw ExitCode(await AgentsCommandRunner().list(json: json))
  }
}
