import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat sessions list [--search TEXT] [--limit N] [--json]`.
struct SessionsListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List sessions, most recently updated first.")

  @Option(help: "Only sessions whose title or messages contain these words.")
  var search: String?

  @Option(help: "At most this many sessions.")
  var limit: Int?

  @Flag(help: "Print a JSON array.")
  var json = false

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
  }

  func run() async throws {
    throw ExitCode(await SessionsCommandRunner().list(search: search, limit: limit, json: json))
  }
}
