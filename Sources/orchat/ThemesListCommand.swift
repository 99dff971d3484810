import ArgumentParser
import ChatCommands

/// `orchat themes list [--json]`, also plain `orchat themes`.
struct ThemesListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the themes (* marks the one in config.toml).")

  @Flag(help: "Print a JSON array.")
  var json = false

  func run() async throws {
    throw ExitCode(ThemesCommandRunner().list(json: json))
  }
}
