import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat sessions import FILE`.
struct SessionsImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a JSON export: all its sessions, or nothing if anything is wrong.")

  @Argument(
    help: "A file written by orchat sessions export.", completion: .file(extensions: ["json"]))
  var file: String

  func run() async throws {
    throw ExitCode(await SessionsCommandRunner().importFile(file))
  }
}
