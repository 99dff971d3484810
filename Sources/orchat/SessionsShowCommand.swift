import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat sessions show ID|last [--format text|markdown|json]`.
struct SessionsShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Print a session's transcript.")

  @Argument(help: "The session: an id, a unique prefix, or last.", completion: .sessionIDs)
  var session: String

  @Option(help: "text, markdown or json.")
  var format: TranscriptFormat = .text

  func run() async throws {
    throw ExitCode(await SessionsCommandRunner().show(session, format: format))
  }
}
