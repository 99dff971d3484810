import ArgumentParser
import ChatCommands

/// `orchat doctor [--json] [--base-url URL]`.
struct DoctorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Check the key, the endpoint, the terminal, your files and the database.",
    discussion: """
      One line per check: ✓ passed, ! a warning (orchat works, but something is worth \
      fixing), ✗ failed (with what to do), · a fact without a verdict (such as not being \
      run from a terminal). Exit status 1 when a check failed, else 0. The key is never \
      shown; nothing is written.
      """)

  @Flag(help: "Print a JSON object: ok, version, base_url and the checks.")
  var json = false

  @Option(
    name: .customLong("base-url"),
    help: "API base URL to check (default: $OPENROUTER_BASE_URL, base_url or OpenRouter).")
  var baseURL: String?

  func run() async throws {
    throw ExitCode(await DoctorRunner().run(json: json, baseURL: baseURL))
  }
}
