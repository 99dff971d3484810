import ArgumentParser
import ChatCommands

/// `orchat themes show NAME`.
struct ThemesShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Preview a theme: sample lines in its colours on a terminal, else its styles.")

  @Argument(help: "The theme's name, or a .toml path.", completion: .themeNames)
  var name: String

  func run() async throws {
    throw ExitCode(ThemesCommandRunner().show(name))
  }
}
