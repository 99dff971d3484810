import ArgumentParser

/// The `orchat` command: argument parsing only; the work happens in `ChatApp`.
@main
struct Orchat: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orchat",
    abstract: "A fast full-screen terminal chat client for OpenRouter.",
    subcommands: [
      AskCommand.self, SessionsCommand.self, ModelsCommand.self, AgentsCommand.self,
      UsageCommand.self, DemoCommand.self,
    ]
  )
}
