import ArgumentParser
import ChatCommands

/// `orchat themes [--json]` and `orchat themes show NAME`.
struct ThemesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the themes: yours, the shipped ones and the built-in ones.",
    subcommands: [ThemesListCommand.self, ThemesShowCommand.self],
    defaultSubcommand: ThemesListCommand.self)
}
