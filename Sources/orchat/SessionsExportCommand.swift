import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat sessions export ID|last|--all [--format json|markdown] [--output FILE]`.
struct SessionsExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export sessions: JSON (lossless, importable) or Markdown (readable).")

  @Argument(help: "The session: an id, a unique prefix, or last.", completion: .sessionIDs)
  var session: String?

  @Flag(help: "Export every session.")
  var all = false

  @Option(help: "json or markdown.")
  var format: ExportFormat = .json

  @Option(
    help: "Write to this file (readable by you only) instead of standard output.",
    completion: .file())
  var output: String?

  func validate() throws {
    if all == (session != nil) { throw ValidationError("Give a session or --all (not both).") }
  }

  func run() async throws {
    throw ExitCode(
      await SessionsCommandRunner().export(all ? nil : session, format: format, outputPath: output))
  }
}
