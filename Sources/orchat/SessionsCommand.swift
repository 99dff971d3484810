import ArgumentParser

/// `orchat sessions`: the stored conversations.
struct SessionsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sessions",
    abstract: "List, show, export, import, rename and delete sessions.",
    discussion: "A session is given by its id, a unique prefix of it, or last.",
    subcommands: [
      SessionsListCommand.self, SessionsShowCommand.self, SessionsExportCommand.self,
      SessionsImportCommand.self, SessionsRenameCommand.self, SessionsDeleteCommand.self,
    ],
    defaultSubcommand: SessionsListCommand.self)
}
