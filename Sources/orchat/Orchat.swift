import ArgumentParser
import BuildInfo
import ChatCore

/// The `orchat` command: argument parsing only; the work happens in `ChatApp`.
///
/// With no subcommand it runs `chat`, the full-screen app.
@main
struct Orchat: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orchat",
    abstract: "A fast full-screen terminal chat client for OpenRouter.",
    discussion: """
      Without a subcommand, orchat opens the full-screen app (`orchat chat`). Set \
      OPENROUTER_API_KEY to chat; history and the model list work without it.
      """,
    version: "orchat \(BuildInfo.versionLine)",
    subcommands: [
      ChatCommand.self, AskCommand.self, CompareCommand.self, SessionsCommand.self,
      ModelsCommand.self, AgentsCommand.self, ThemesCommand.self, UsageCommand.self,
      DoctorCommand.self,
      VersionCommand.self, DemoCommand.self,
    ],
    defaultSubcommand: ChatCommand.self
  )

  /// Process-wide settings first (`ProcessSetup`): standard descriptors that exist, and a
  /// write to a closed pipe that fails with EPIPE, which every writer handles, instead of
  /// killing orchat (`orchat ask … | head -1`, a clipboard helper that exits early).
  static func main() async {
    ProcessSetup.prepare()
    await main(nil)
  }
}
