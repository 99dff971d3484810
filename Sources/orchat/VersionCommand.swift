import ArgumentParser
import ChatCommands

/// `orchat version [--json]`: the version, the git commit it was built from, Swift and
/// SQLite. (`orchat --version` prints the first line.)
struct VersionCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "version",
    abstract: "Print the version, the git commit it was built from, Swift and SQLite.")

  @Flag(help: "Print a JSON object.")
  var json = false

  func run() async throws {
    let status = VersionCommandRunner().run(json: json)
    if status != 0 { throw ExitCode(status) }
  }
}
