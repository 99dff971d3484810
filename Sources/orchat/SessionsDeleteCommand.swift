import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat sessions delete ID [--yes]`.
struct SessionsDeleteCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete", abstract: "Delete a session and its messages.")

  @Argument(help: "The session: an id, a unique prefix, or last.", completion: .sessionIDs)
  var session: String

  @Flag(name: [.short, .long], help: "Do not ask for confirmation.")
  var yes = false

  func run() async throws {
    throw ExitCode(await SessionsCommandRunner().delete(session, confirmed: yes))
  }
}
