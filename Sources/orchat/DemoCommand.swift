import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat demo`: a hidden subcommand that draws a sample transcript, for trying themes
/// and for the end-to-end tests.
///
/// `run` is on the main actor so the terminal loop owns the main thread (its `poll` must not
/// park one of the few cooperative threads that network tasks need).
struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Draw a sample transcript in a theme (q quits).",
    shouldDisplay: false)

  @Option(
    help: "The theme: a name from the themes directories, or a .toml path.",
    completion: .themeNames)
  var theme: String?

  @Option(
    help: "A directory searched for themes before the user and shipped ones.",
    completion: .directory)
  var themesDir: String?

  @Flag(help: "Leave mouse reporting off, so the terminal's own selection works.")
  var noMouse = false

  /// For the crash-guard test only.
  @Flag(help: .hidden)
  var crashAfterFirstFrame = false

  @MainActor
  func run() async throws {
    let status = DemoApp.run(
      .init(
        themeName: theme, themesDirectory: themesDir, isMouseEnabled: !noMouse,
        crashesAfterFirstFrame: crashAfterFirstFrame))
    if status != 0 { throw ExitCode(status) }
  }
}
