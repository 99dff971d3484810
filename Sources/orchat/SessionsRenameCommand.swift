import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat sessions rename ID TITLE`.
struct SessionsRenameCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rename", abstract: "Give a session a new title.")

  @Argument(help: "The session: an id, a unique prefix, or last.", completion: .sessionIDs)
  var session: String

  @Argument(help: "The new title.")
  var title: [String]

  func run() async throws {
    throw ExitCode(
      await SessionsCommandRunner().rename(session, to: title.joined(separator: " ")))
  }
}
